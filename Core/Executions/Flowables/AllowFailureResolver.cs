using Kite.Core.Executions.Resolution;
using Kite.Core.Tasks;

namespace Kite.Core.Executions.Flowables;

/// <summary>A sequence whose failure ends as WARNING.</summary>
public sealed class AllowFailureResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var allowFailure = (Tasks.Flowable.AllowFailure)task;
        var resolution = Sequence.Resolve(allowFailure.Tasks, task.Errors, task.Finally, scope.Children(run));
        return resolution is ScopeDone { State: State.Failed } ? Resolution.Resolution.Done(State.Warning) : resolution;
    }
}
