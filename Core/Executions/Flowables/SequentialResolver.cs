using Kite.Core.Executions.Resolution;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Flowable;

namespace Kite.Core.Executions.Flowables;

public sealed class SequentialResolver : IFlowableResolver
{
    public Resolution.Resolution Resolve(FlowableTask task, TaskRun run, FlowableScope scope)
    {
        var sequential = (Sequential)task;
        return Sequence.Resolve(sequential.Tasks, task.Errors, task.Finally, scope.Children(run));
    }
}
