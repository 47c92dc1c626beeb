using System.Threading.Channels;
using Kite.Data.Logs;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Announces committed log lines on the bus, where each Api replica's one consumer wakes the followers of the
/// executions named. A worker flushes its lines about once per Log task, so the executions of every flush within
/// <see cref="LogsWrittenOptions.Interval"/> are gathered into one LogsWritten: the first flush after a quiet interval
/// is announced at once, the next ones together when the interval is over (or as soon as
/// <see cref="LogsWrittenOptions.MaxExecutions"/> are gathered). A flush only adds to the set; the publish happens here,
/// in the background, and never holds the log writer or a task's result.
/// </summary>
/// <remarks>
/// An announcement is only a wake-up: a follower also reads the lines again at each change of its execution and every
/// <c>Api:FollowRecheckSeconds</c>, so one lost here delays lines on a live view, never loses them.
/// </remarks>
public sealed class LogsWrittenPublisher(IPublishEndpoint bus, IOptions<LogsWrittenOptions> options, TimeProvider clock, ILogger<LogsWrittenPublisher> logger)
    : BackgroundService, ILogsWrittenListener
{
    private readonly LogsWrittenOptions settings = options.Value;
    private readonly Lock gate = new();

    // Holds at most one wake-up: the set itself says what there is to do.
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private HashSet<string> pending = new(StringComparer.Ordinal);
    private int dropped;

    public Task WrittenAsync(IReadOnlyList<string> executionIds, CancellationToken cancellationToken)
    {
        bool signal;
        lock (gate)
        {
            var wasEmpty = pending.Count == 0;
            foreach (var id in executionIds)
            {
                // Past the limit while an announcement is under way (a broker slow to confirm), the set still has a bound.
                if (pending.Count < HardLimit || pending.Contains(id))
                {
                    pending.Add(id);
                }
                else
                {
                    dropped++;
                }
            }

            signal = (wasEmpty && pending.Count > 0) || pending.Count >= settings.MaxExecutions;
        }

        if (signal)
        {
            wake.Writer.TryWrite(true);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await SomethingPendingAsync(stoppingToken);
                var published = await PublishAsync(stoppingToken);
                // After a failure the whole interval, full or not: a broker that refuses at once is not asked in a loop.
                await RestAsync(cutShortWhenFull: published, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync announces what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The log writer stops first (its hosted service is added after this one), so its last batch is in the set.
        await PublishAsync(cancellationToken, last: true);
    }

    private async Task SomethingPendingAsync(CancellationToken stoppingToken)
    {
        while (Count() == 0)
        {
            await wake.Reader.WaitToReadAsync(stoppingToken);
            wake.Reader.TryRead(out _);
        }
    }

    /// <summary>Waits out the interval since the last announcement, unless the set fills up meanwhile.</summary>
    private async Task RestAsync(bool cutShortWhenFull, CancellationToken stoppingToken)
    {
        if (settings.Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var interval = new CancellationTokenSource(settings.Interval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, stoppingToken);
        try
        {
            while (!cutShortWhenFull || Count() < settings.MaxExecutions)
            {
                await wake.Reader.WaitToReadAsync(either.Token);
                wake.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The interval is over.
        }
    }

    /// <summary>Announces the executions gathered so far; false when that failed.</summary>
    private async Task<bool> PublishAsync(CancellationToken cancellationToken, bool last = false)
    {
        HashSet<string> taken;
        int lost;
        lock (gate)
        {
            (lost, dropped) = (dropped, 0);
            taken = pending;
            pending = new HashSet<string>(StringComparer.Ordinal);
        }

        if (lost > 0)
        {
            logger.LogWarning("Dropped {Count} announcements of new log lines: {Limit} executions were already waiting for the broker; their live followers read them at their next recheck", lost, HardLimit);
        }

        if (taken.Count == 0)
        {
            return true;
        }

        try
        {
            await BusDeadline.WithinAsync(token => bus.Publish(new LogsWritten([.. taken]), token), cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !last)
        {
            // Stopping: the last announcement (StopAsync) takes them.
            PutBack(taken, bounded: false);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (!last && PutBack(taken, bounded: true))
            {
                logger.LogWarning(ex, "Announcing new log lines of {Count} executions failed; they go with the next announcement", taken.Count);
            }
            else
            {
                logger.LogWarning(ex, "Announcing new log lines of {Count} executions failed; dropped, their live followers read them at their next recheck", taken.Count);
            }

            return false;
        }
    }

    /// <summary>Adds the executions of an announcement that did not go out to the next one; bounded, only while the set stays within its limit.</summary>
    private bool PutBack(HashSet<string> executionIds, bool bounded)
    {
        lock (gate)
        {
            if (bounded && pending.Count + executionIds.Count > settings.MaxExecutions)
            {
                return false;
            }

            pending.UnionWith(executionIds);
            return true;
        }
    }

    private int HardLimit => Math.Max(settings.MaxExecutions, 1) * 10;

    private int Count()
    {
        lock (gate)
        {
            return pending.Count;
        }
    }
}
