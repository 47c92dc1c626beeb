using Kite.Core.Executions.Context;
using Kite.Core.Expressions;
using Kite.Core.Tasks;

namespace Kite.Core.Executions.Flowables;

/// <summary>What a flowable resolver may look at: the runs under it, and a render context for it.</summary>
public sealed class FlowableScope(Execution execution, TaskRunVariables variables, DateTimeOffset now)
{
    /// <summary>The step's clock, for flowables that wait (LoopUntil).</summary>
    public DateTimeOffset Now => now;

    private ILookup<string, TaskRun>? children;

    /// <summary>Every run of the execution, in the order they were created.</summary>
    public IReadOnlyList<TaskRun> Runs => execution.TaskRuns;

    /// <summary>The runs under <paramref name="parent"/>, from a lookup built once per step (a loop over 2,000 runs must not rescan them per flowable).</summary>
    public IReadOnlyList<TaskRun> Children(TaskRun parent)
    {
        children ??= execution.TaskRuns.Where(r => r.ParentTaskRunId is not null).ToLookup(r => r.ParentTaskRunId!, StringComparer.Ordinal);
        return [.. children[parent.Id]];
    }

    /// <summary>Sets a flowable's own outputs (If's evaluationResult, Switch's value), visible to later renders of this step.</summary>
    public void SetOutputs(TaskRun run, Dictionary<string, object?> outputs)
    {
        run.Outputs = outputs;
        run.Changed = true;
        variables.OutputsChanged();
    }

    /// <summary>Called when runs are added.</summary>
    public void Invalidate() => children = null;

    public RenderContext Context(TaskRun run, TaskDefinition task) => variables.Context(run, task);
}
