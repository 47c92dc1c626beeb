namespace Kite.Executor.Timers;

/// <summary>
/// Wakes this process's <see cref="TimerPoller"/> when one of its steps committed a timer due before the poller meant
/// to look again, so that an idle executor reads nothing until its next timer is due or its next poll for the timers
/// of other replicas.
/// </summary>
public sealed class TimerWakeUp(TimeProvider clock)
{
    private readonly Lock gate = new();
    private DateTimeOffset earliestAdded = DateTimeOffset.MaxValue;
    private DateTimeOffset sleepingUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource woken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A timer due at <paramref name="due"/> is committed.</summary>
    public void Added(DateTimeOffset due)
    {
        TaskCompletionSource? wake = null;
        lock (gate)
        {
            earliestAdded = due < earliestAdded ? due : earliestAdded;
            if (due < sleepingUntil)
            {
                sleepingUntil = due;
                wake = woken;
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>Sleeps until <paramref name="until"/>, or until the earliest timer committed since the last sleep began, if sooner.</summary>
    public async Task SleepUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wake;
            lock (gate)
            {
                until = earliestAdded < until ? earliestAdded : until;
                earliestAdded = DateTimeOffset.MaxValue;
                sleepingUntil = until;
                if (woken.Task.IsCompleted)
                {
                    woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wake = woken.Task;
            }

            var delay = until - clock.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                break;
            }

            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sleep = Task.Delay(delay, clock, sleeping.Token);
            if (await Task.WhenAny(sleep, wake) == sleep)
            {
                await sleep;
                break;
            }

            await sleeping.CancelAsync();
        }

        lock (gate)
        {
            sleepingUntil = DateTimeOffset.MinValue;
        }
    }
}
