using Kite.Core.Executions;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Time;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

/// <summary>Waits without holding a thread; a kill or a timeout cancels the wait.</summary>
public sealed class SleepRunner(TimeProvider clock) : TaskRunner<Sleep>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(Sleep task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var text = context.RenderText(task.Duration);
        if (!IsoDuration.TryParse(text, out var duration))
        {
            throw new TaskFailedException($"duration '{text}' is not an ISO-8601 duration such as PT5S");
        }

        await Task.Delay(duration, clock, cancellationToken);
        return null;
    }
}
