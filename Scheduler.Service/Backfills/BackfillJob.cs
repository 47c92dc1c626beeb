using Quartz;

namespace Kite.Scheduler.Backfills;

/// <summary>Backfill progression as a Quartz job, apart from evaluation so that a large backfill never slows due schedules.</summary>
[DisallowConcurrentExecution]
public sealed class BackfillJob(BackfillProgress progress, ILogger<BackfillJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            await progress.TickAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Backfill tick failed; the next tick retries");
        }
    }
}
