using Kite.Core.Tasks;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>A runner for one task class.</summary>
public abstract class TaskRunner<TTask> : ITaskRunner where TTask : TaskDefinition
{
    public Type TaskType => typeof(TTask);

    public Task<Dictionary<string, object?>?> RunAsync(TaskDefinition task, TaskRunContext context, CancellationToken cancellationToken) =>
        RunAsync((TTask)task, context, cancellationToken);

    protected abstract Task<Dictionary<string, object?>?> RunAsync(TTask task, TaskRunContext context, CancellationToken cancellationToken);
}
