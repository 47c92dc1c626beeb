using Kite.Scheduler.Sync;
using Quartz;

namespace Kite.Scheduler.Monitoring;

/// <summary>The monitoring loop as a Quartz job, separate from and slower than evaluation, never alongside itself.</summary>
[DisallowConcurrentExecution]
public sealed class MonitoringJob(LockHealer healer, MissedFlowChanges flowChanges, ILogger<MonitoringJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            await healer.TickAsync(context.CancellationToken);
            await flowChanges.ApplyAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Monitoring tick failed; the next tick retries");
        }
    }
}
