using Kite.Core.Executions.Events;

namespace Kite.Core.Executions;

/// <summary>
/// When a CREATED execution starts: at once, or at its <c>scheduleDate</c> through a stored timer. The executor's host
/// asks the same question before it takes a concurrency slot, so a scheduled execution holds none while it waits.
/// </summary>
public static class ScheduledStart
{
    public static bool Waits(Execution execution, DateTimeOffset now) => execution.ScheduleDate is { } at && at > now;

    /// <summary>Whether <paramref name="events"/> start the CREATED execution now: its scheduled-start timer fired, or it was handed over and is not scheduled for later.</summary>
    public static bool StartsNow(Execution execution, IEnumerable<ExecutionEvent> events, DateTimeOffset now) =>
        execution.State == State.Created && events.Any(e => e switch
        {
            ExecutionStarted => !Waits(execution, now),
            TimerElapsed { Kind: TimerKind.ScheduledStart } => true,
            _ => false,
        });

    public static ExecutionTimer Timer(Execution execution) => new(execution.Id, execution.ScheduleDate!.Value, TimerKind.ScheduledStart);
}
