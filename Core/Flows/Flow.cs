using Kite.Core.Flows.Retries;
using Kite.Core.Inputs;
using Kite.Core.Tasks;
using Kite.Core.Triggers;
using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>A flow as written in YAML: every top-level key Kestra 1.1 accepts.</summary>
public sealed class Flow : FlowElement
{
    [Required, Id(IdKind.Flow)]
    public string Id { get; set; } = "";

    [Required, Id(IdKind.Namespace)]
    public string Namespace { get; set; } = "";

    /// <summary>Managed by the server; read when present.</summary>
    public int? Revision { get; set; }

    public string? Description { get; set; }

    public List<Label>? Labels { get; set; }

    public List<Input>? Inputs { get; set; }

    public Dictionary<string, object?>? Variables { get; set; }

    [Required, NotEmpty]
    public List<TaskDefinition> Tasks { get; set; } = [];

    public List<TaskDefinition>? Errors { get; set; }

    public List<TaskDefinition>? Finally { get; set; }

    public List<TaskDefinition>? AfterExecution { get; set; }

    public List<Trigger>? Triggers { get; set; }

    public List<FlowOutput>? Outputs { get; set; }

    public Concurrency? Concurrency { get; set; }

    public Retry? Retry { get; set; }

    public bool Disabled { get; set; }

    public List<PluginDefault>? PluginDefaults { get; set; }

    /// <summary>Deprecated alias of <see cref="PluginDefaults"/>.</summary>
    public List<PluginDefault>? TaskDefaults { get; set; }

    public List<Sla>? Sla { get; set; }

    public WorkerGroup? WorkerGroup { get; set; }

    /// <summary>Deprecated; superseded by <see cref="AfterExecution"/> and flow triggers.</summary>
    public List<Listener>? Listeners { get; set; }

    /// <summary>The plugin defaults in force: <c>pluginDefaults</c> then the deprecated <c>taskDefaults</c>.</summary>
    public IEnumerable<PluginDefault> AllPluginDefaults() => (PluginDefaults ?? []).Concat(TaskDefaults ?? []);

    /// <summary>Every task of the flow, at any depth, in document order: tasks, errors, finally, afterExecution, listeners.</summary>
    public IEnumerable<TaskDefinition> AllTasks()
    {
        var roots = Tasks.Concat(Errors ?? []).Concat(Finally ?? []).Concat(AfterExecution ?? [])
            .Concat((Listeners ?? []).SelectMany(l => l.Tasks ?? []));
        return roots.SelectMany(Descendants);
    }

    /// <summary>The task with this id, at any depth.</summary>
    public TaskDefinition? FindTask(string id) => AllTasks().FirstOrDefault(t => t.Id == id);

    private static IEnumerable<TaskDefinition> Descendants(TaskDefinition task)
    {
        yield return task;
        var children = task switch
        {
            FlowableTask flowable => flowable.ChildTasks(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
