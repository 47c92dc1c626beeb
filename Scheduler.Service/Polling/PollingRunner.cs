using Microsoft.Extensions.Options;

namespace Kite.Scheduler.Polling;

/// <summary>Evaluates claimed polling triggers, at most <see cref="SchedulerOptions.PollingConcurrency"/> at once.</summary>
public sealed class PollingRunner(PollingQueue queue, HttpPoller poller, IOptions<SchedulerOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.PollingConcurrency, CancellationToken = stoppingToken },
            async (trigger, cancellationToken) => await poller.PollAsync(trigger, cancellationToken));
}
