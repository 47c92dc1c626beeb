using Kite.Core.Executions;
using Kite.Core.Executions.Context;
using Kite.Core.Tasks.ExecutionControl;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Fails with its rendered message, always or when its condition renders true.</summary>
public sealed class FailRunner : TaskRunner<Fail>
{
    protected override Task<Dictionary<string, object?>?> RunAsync(Fail task, TaskRunContext context, CancellationToken cancellationToken)
    {
        if (task.Condition is null || ValueRenderer.IsTruthy(context.RenderText(task.Condition)))
        {
            throw new TaskFailedException(context.RenderText(task.ErrorMessage));
        }

        return Task.FromResult<Dictionary<string, object?>?>(null);
    }
}
