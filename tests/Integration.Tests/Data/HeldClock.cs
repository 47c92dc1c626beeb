namespace Kite.Integration.Tests.Data;

/// <summary>
/// A clock whose timers fire only when the test says so, and which tells when one is started: a writer that waits on
/// it waits until the test moves it, however slow the machine.
/// </summary>
public sealed class HeldClock : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> timers = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a timer has been started.</summary>
    public Task TimerStarted => started.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (timers)
        {
            timers.Add((callback, state));
        }

        started.TrySetResult();
        return new Held();
    }

    /// <summary>Fires every timer started so far, as if its time had come.</summary>
    public void Fire()
    {
        List<(TimerCallback Callback, object? State)> due;
        lock (timers)
        {
            due = [.. timers];
            timers.Clear();
        }

        due.ForEach(t => t.Callback(t.State));
    }

    private sealed class Held : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
