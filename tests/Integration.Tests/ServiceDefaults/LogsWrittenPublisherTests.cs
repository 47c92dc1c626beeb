using Kite.Integration.Tests.Data;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kite.Integration.Tests.ServiceDefaults;

/// <summary>
/// A worker flushes its log lines about once per Log task; the Api's live followers only need to be woken. The clock
/// here never moves on its own: the interval is over only when the test fires it.
/// </summary>
public sealed class LogsWrittenPublisherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HeldClock clock = new();
    private readonly RecordingPublishEndpoint bus = RecordingPublishEndpoint.Create();

    [Fact]
    public async Task Flushes_within_the_interval_are_announced_in_one_LogsWritten_naming_all_their_executions()
    {
        using var publisher = await StartAsync();

        await publisher.WrittenAsync(["a"], CancellationToken.None);
        await PublishedAsync(1);
        await clock.TimerStarted.WaitAsync(Patience);
        await publisher.WrittenAsync(["b"], CancellationToken.None);
        await publisher.WrittenAsync(["c", "b"], CancellationToken.None);
        await publisher.WrittenAsync(["d"], CancellationToken.None);
        Assert.Single(bus.Published);

        clock.Fire();
        await PublishedAsync(2);
        await publisher.StopAsync(CancellationToken.None);

        Assert.Equal(["a", "b c d"], Announced());
    }

    [Fact]
    public async Task A_flush_that_brings_the_executions_to_the_limit_is_announced_without_waiting_for_the_interval()
    {
        using var publisher = await StartAsync(maxExecutions: 3);

        await publisher.WrittenAsync(["a"], CancellationToken.None);
        await PublishedAsync(1);
        await clock.TimerStarted.WaitAsync(Patience);
        await publisher.WrittenAsync(["b", "c"], CancellationToken.None);
        await publisher.WrittenAsync(["d"], CancellationToken.None);

        await PublishedAsync(2);
        Assert.Equal(["a", "b c d"], Announced());
        await publisher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_flush_is_never_held_by_a_broker_that_is_slow_to_confirm()
    {
        var confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bus.Instead.Enqueue(() => confirmed.Task);
        using var publisher = await StartAsync();

        await publisher.WrittenAsync(["a"], CancellationToken.None);
        await Eventually.BecomesAsync(() => Task.FromResult(bus.Attempts), n => n == 1, "the first announcement is under way");

        Assert.True(publisher.WrittenAsync(["b"], CancellationToken.None).IsCompletedSuccessfully);
        confirmed.SetResult();
        await clock.TimerStarted.WaitAsync(Patience);
        clock.Fire();
        await PublishedAsync(1);
        Assert.Equal(["b"], Announced());
        await publisher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task While_the_broker_is_slow_to_confirm_at_most_ten_times_the_limit_are_held()
    {
        var confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bus.Instead.Enqueue(() => confirmed.Task);
        using var publisher = await StartAsync(maxExecutions: 2);
        await publisher.WrittenAsync(["first"], CancellationToken.None);
        await Eventually.BecomesAsync(() => Task.FromResult(bus.Attempts), n => n == 1, "the first announcement is under way");

        for (var i = 0; i < 25; i++)
        {
            await publisher.WrittenAsync([$"e{i:00}"], CancellationToken.None);
        }

        confirmed.SetResult();
        await PublishedAsync(1);
        Assert.Equal([string.Join(' ', Enumerable.Range(0, 20).Select(i => $"e{i:00}"))], Announced());
        await publisher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_executions_of_a_failed_announcement_go_with_the_next_one()
    {
        bus.Instead.Enqueue(() => Task.FromException(new InvalidOperationException("the broker refused")));
        using var publisher = await StartAsync();

        await publisher.WrittenAsync(["a"], CancellationToken.None);
        await clock.TimerStarted.WaitAsync(Patience);
        await publisher.WrittenAsync(["b"], CancellationToken.None);
        Assert.Equal(1, bus.Attempts);
        Assert.Empty(bus.Published);

        clock.Fire();
        await PublishedAsync(1);
        Assert.Equal(["a b"], Announced());
        await publisher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Executions_still_gathered_when_the_worker_stops_are_announced_before_it_stops()
    {
        using var publisher = await StartAsync();
        await publisher.WrittenAsync(["a"], CancellationToken.None);
        await PublishedAsync(1);
        await clock.TimerStarted.WaitAsync(Patience);
        await publisher.WrittenAsync(["b"], CancellationToken.None);

        await publisher.StopAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], Announced());
    }

    private async Task<LogsWrittenPublisher> StartAsync(int maxExecutions = 1_000)
    {
        var options = Options.Create(new LogsWrittenOptions { Interval = TimeSpan.FromMinutes(1), MaxExecutions = maxExecutions });
        var publisher = new LogsWrittenPublisher(bus.Endpoint, options, clock, NullLogger<LogsWrittenPublisher>.Instance);
        await publisher.StartAsync(CancellationToken.None);
        return publisher;
    }

    private Task<int> PublishedAsync(int count) =>
        Eventually.BecomesAsync(() => Task.FromResult(bus.Published.Count), n => n >= count, $"{count} LogsWritten are published");

    /// <summary>Each LogsWritten published, in order, as its executions sorted and joined by spaces.</summary>
    private string[] Announced() =>
        [.. bus.Published.Cast<LogsWritten>().Select(m => string.Join(' ', m.ExecutionIds.Order(StringComparer.Ordinal)))];
}
