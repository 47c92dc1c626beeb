using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Tasks;

namespace Kite.Core.Executions.Context;

/// <summary>The variables a task run's expressions see, under Kestra's names, built from the step's shared parts.</summary>
public sealed class TaskRunVariables(Flow flow, Execution execution, StepEnvironment environment)
{
    private Dictionary<string, object?>? outputs;
    private Dictionary<string, TaskRun>? byId;

    /// <summary>Drops what a change of outputs made stale; the next render rebuilds it once.</summary>
    public void Invalidate()
    {
        outputs = null;
        byId = null;
    }

    public IReadOnlyDictionary<string, object?> For(TaskRun? run, TaskDefinition? task)
    {
        outputs ??= OutputsTree.Build(execution);
        byId ??= execution.TaskRuns.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var variables = new RenderVariables()
            .Flow(flow.Id, flow.Namespace, execution.FlowRevision)
            .Execution(execution.Id, execution.State.ToKestraName(), execution.History.StartDate, execution.OriginalId)
            .Inputs(execution.Inputs)
            .Vars(Vars())
            .Labels(execution.Labels.ToDictionary(l => l.Key, l => (object?)l.Value))
            .Outputs(outputs)
            .Envs(environment.Envs)
            .TaskStates(execution.TaskRuns.GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.Last().State.ToKestraName()));
        if (execution.Trigger is { } trigger)
        {
            variables.Trigger(trigger);
        }

        if (task is not null)
        {
            variables.Task(task.Id, task.Type);
        }

        if (run is not null)
        {
            variables.TaskRun(run.Id, run.History.StartDate, Math.Max(run.Attempts.Count, 1), run.ParentTaskRunId, run.Value, run.Iteration);
            variables.Parents(Parents(run));
        }

        return variables.Build();
    }

    public RenderContext Context(TaskRun? run, TaskDefinition? task) =>
        new(For(run, task)) { Secrets = environment.Secrets, Namespace = flow.Namespace };

    private Dictionary<string, object?> Vars()
    {
        var vars = new Dictionary<string, object?>(flow.Variables ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in execution.Variables)
        {
            vars[key] = value;
        }

        return vars;
    }

    /// <summary><c>parents</c>: the enclosing loop runs, closest first, each with its <c>taskrun.value</c>.</summary>
    private List<IReadOnlyDictionary<string, object?>> Parents(TaskRun run)
    {
        var parents = new List<IReadOnlyDictionary<string, object?>>();
        for (var parent = Parent(run); parent is not null; parent = Parent(parent))
        {
            var taskRun = new Dictionary<string, object?> { ["id"] = parent.Id };
            var value = parent.Value ?? InheritedValue(parent);
            if (value is not null)
            {
                taskRun["value"] = value;
            }

            parents.Add(new Dictionary<string, object?> { ["taskrun"] = taskRun, ["outputs"] = parent.Outputs ?? [] });
        }

        return parents;
    }

    private string? InheritedValue(TaskRun run) => OutputsTree.LoopValues(run, byId!).LastOrDefault();

    private TaskRun? Parent(TaskRun run) => run.ParentTaskRunId is { } id ? byId!.GetValueOrDefault(id) : null;
}
