using Kite.Core.Executions.Context;
using Kite.Core.Expressions;
using Kite.Core.Tasks;

namespace Kite.Core.Executions.Flowables;

/// <summary>What a flowable resolver may look at: the runs under it, and a render context for it.</summary>
public sealed class FlowableScope(Execution execution, TaskRunVariables variables)
{
    public IReadOnlyList<TaskRun> Children(TaskRun parent) => [.. execution.ChildrenOf(parent.Id)];

    public RenderContext Context(TaskRun run, TaskDefinition task) => variables.Context(run, task);
}
