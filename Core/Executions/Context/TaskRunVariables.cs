using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Secrets;
using Kite.Core.Tasks;

namespace Kite.Core.Executions.Context;

/// <summary>The variables a task run's expressions see, under Kestra's names, built from the step's shared parts.</summary>
public sealed class TaskRunVariables(Flow flow, Execution execution, StepEnvironment environment)
{
    private Dictionary<string, object?>? outputs;

    /// <summary>Drops the outputs tree after a change of outputs; the next render that needs it rebuilds it once.</summary>
    public void OutputsChanged() => outputs = null;

    /// <summary>The variables of a job for a worker: only the outputs and task states its task's text can name.</summary>
    public IReadOnlyDictionary<string, object?> ForJob(TaskRun run, TaskDefinition task)
    {
        var text = TaskText.Of(task);
        return For(run, task, text);
    }

    /// <summary>Everything, for what the executor itself renders without a task of its own (the flow outputs).</summary>
    public IReadOnlyDictionary<string, object?> For(TaskRun? run, TaskDefinition? task) =>
        For(run, task, referencedBy: task is null ? null : TaskText.Of(task));

    private IReadOnlyDictionary<string, object?> For(TaskRun? run, TaskDefinition? task, string? referencedBy)
    {
        IReadOnlyDictionary<string, object?> visibleOutputs;
        if (referencedBy is null || NamesOutputsDynamically(referencedBy))
        {
            visibleOutputs = outputs ??= OutputsTree.Build(execution);
        }
        else if (referencedBy.Contains("outputs", StringComparison.Ordinal))
        {
            outputs ??= OutputsTree.Build(execution);
            visibleOutputs = outputs.Where(o => NamesOutput(referencedBy, o.Key)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        }
        else
        {
            visibleOutputs = new Dictionary<string, object?>();
        }

        var variables = new RenderVariables()
            .Flow(flow.Id, flow.Namespace, execution.FlowRevision)
            .Execution(execution.Id, execution.State.ToKestraName(), execution.History.StartDate, execution.OriginalId)
            .Inputs(execution.Inputs)
            .Vars(Vars())
            .Labels(execution.Labels.ToDictionary(l => l.Key, l => (object?)l.Value))
            .Outputs(visibleOutputs)
            .Envs(environment.Envs);
        if (referencedBy is null || referencedBy.Contains("tasks", StringComparison.Ordinal))
        {
            variables.TaskStates(execution.TaskRuns.GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.Last().State.ToKestraName()));
        }

        if (execution.Trigger is { } trigger)
        {
            // Kestra's execution trigger is {id, type, variables}; flows see only its variables as trigger.*.
            variables.Trigger(trigger.TryGetValue("variables", out var triggered) && triggered is IReadOnlyDictionary<string, object?> vars ? vars : trigger);
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
        new(RevealedInputs.Of(For(run, task), environment.Cipher, environment.Mask))
        {
            Secrets = environment.Secrets is { } secrets ? new MaskingSecretStore(secrets, environment.Mask) : null,
            Namespace = flow.Namespace,
            Budget = environment.Budget,
        };

    /// <summary>Whether the text names <c>outputs.taskId</c>, followed by anything that cannot go on a name (<c>.</c>, <c>[</c>, a space).</summary>
    private static bool NamesOutput(string text, string taskId)
    {
        var name = "outputs." + taskId;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (end == text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>outputs[name]</c>, <c>outputs | keys</c> or a bare <c>outputs</c> can reach any task: send them all.</summary>
    private static bool NamesOutputsDynamically(string text)
    {
        for (var at = text.IndexOf("outputs", StringComparison.Ordinal); at >= 0; at = text.IndexOf("outputs", at + 7, StringComparison.Ordinal))
        {
            var next = at + 7 < text.Length ? text[at + 7] : ' ';
            var previous = at > 0 ? text[at - 1] : ' ';
            if (next != '.' && previous != '.')
            {
                return true;
            }
        }

        return false;
    }

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

    private string? InheritedValue(TaskRun run) => OutputsTree.LoopValues(run, execution).LastOrDefault();

    private TaskRun? Parent(TaskRun run) => run.ParentTaskRunId is { } id ? execution.FindTaskRun(id) : null;
}
