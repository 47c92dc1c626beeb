using Kite.Core.Triggers;

namespace Kite.Core.Scheduling;

/// <summary>
/// Decides which slot of a due schedule fires. A slot is <em>missed</em> when it is overdue by more than
/// <c>missedAfter</c> (the scheduler was down, or the schedule stayed locked by a long execution); missed slots are
/// recovered as <c>recoverMissedSchedules</c> says: ALL fires each in turn, LAST only the latest, NONE none and waits
/// for the next slot to come. A slot later than <c>lateMaximumDelay</c> is never fired.
/// </summary>
public static class SlotPlanner
{
    public static SlotDecision Decide(
        CronSchedule cron,
        DateTimeOffset due,
        DateTimeOffset now,
        RecoverMissedSchedules recover,
        TimeSpan missedAfter,
        TimeSpan? lateMaximumDelay)
    {
        if (now - due <= missedAfter)
        {
            return WithinDelay(cron, due, now, lateMaximumDelay);
        }

        switch (recover)
        {
            case RecoverMissedSchedules.All:
                return WithinDelay(cron, due, now, lateMaximumDelay);
            case RecoverMissedSchedules.Last:
                var last = cron.LastAtOrBefore(now) ?? due;
                return WithinDelay(cron, last < due ? due : last, now, lateMaximumDelay);
            default:
                return new SlotDecision(null, cron.Next(now), $"missed slot {due:O} not recovered (recoverMissedSchedules: NONE)");
        }
    }

    private static SlotDecision WithinDelay(CronSchedule cron, DateTimeOffset slot, DateTimeOffset now, TimeSpan? lateMaximumDelay)
    {
        if (lateMaximumDelay is { } delay && now - slot > delay)
        {
            // Jump straight to the first slot still within the delay instead of walking every late one.
            var next = cron.NextOrSame(now - delay);
            return new SlotDecision(null, next <= slot ? cron.Next(slot) : next, $"slot {slot:O} is later than lateMaximumDelay {delay}");
        }

        return new SlotDecision(slot, cron.Next(slot));
    }
}
