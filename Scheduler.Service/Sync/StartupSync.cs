namespace Kite.Scheduler.Sync;

/// <summary>
/// At start, applies every flow whose trigger rows are behind its latest revision: flows saved while no scheduler
/// ran, or before the <c>scheduler</c> queue existed, are scheduled all the same.
/// </summary>
public sealed class StartupSync(TriggerSync sync, ILogger<StartupSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flows = await sync.OutOfStepAsync(stoppingToken);
        foreach (var (ns, flowId) in flows)
        {
            await sync.ApplyAsync(ns, flowId, stoppingToken);
        }

        if (flows.Count > 0)
        {
            logger.LogInformation("Brought the triggers of {Count} flow(s) in step with their latest revision", flows.Count);
        }
    }
}
