using Kite.Core.Tasks.Logs;
using Kite.Worker.Jobs;

namespace Kite.Worker.Runners;

public sealed class LogRunner : TaskRunner<Log>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(Log task, TaskRunContext context, CancellationToken cancellationToken)
    {
        foreach (var message in task.Message)
        {
            await context.LogAsync(task.Level.ToString().ToUpperInvariant(), context.RenderText(message), cancellationToken);
        }

        return null;
    }
}
