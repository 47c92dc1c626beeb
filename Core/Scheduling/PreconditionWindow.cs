using Kite.Core.Time;
using Kite.Core.Triggers;

namespace Kite.Core.Scheduling;

/// <summary>
/// Where the current window of a <c>timeWindow</c> starts, in UTC: what was met before that start no longer counts.
/// A DURATION_WINDOW (the default, one day) is a fixed window aligned on midnight plus <c>windowAdvance</c>, so a
/// P1D window runs from 00:00 to 00:00 and a PT6H one from 00:00, 06:00, 12:00 and 18:00; a SLIDING_WINDOW reaches
/// back <c>window</c> from now; the DAILY types start each day at midnight (or <c>startTime</c>) and are closed, so
/// null, outside their hours.
/// </summary>
public static class PreconditionWindow
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public static DateTimeOffset? Start(TimeWindow? window, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var time = TimeOnly.FromDateTime(now.UtcDateTime);
        var length = window?.Window is { } text ? IsoDuration.Parse(text) : OneDay;
        return window?.Type switch
        {
            TimeWindowType.SlidingWindow => now - length,
            TimeWindowType.DailyTimeDeadline => window.Deadline is not { } deadline || time <= deadline ? midnight : null,
            TimeWindowType.DailyTimeWindow => (window.StartTime is not { } from || time >= from) && (window.EndTime is not { } to || time <= to)
                ? midnight + (window.StartTime?.ToTimeSpan() ?? TimeSpan.Zero)
                : null,
            _ => Aligned(now, length, window?.WindowAdvance is { } advance ? IsoDuration.Parse(advance) : TimeSpan.Zero),
        };
    }

    private static DateTimeOffset Aligned(DateTimeOffset now, TimeSpan length, TimeSpan advance)
    {
        if (length <= TimeSpan.Zero)
        {
            throw new FormatException($"a time window must be longer than zero, not {length}");
        }

        var anchor = DateTimeOffset.UnixEpoch + advance;
        var elapsed = (now - anchor).Ticks;
        var windows = elapsed / length.Ticks - (elapsed % length.Ticks < 0 ? 1 : 0);
        return anchor + TimeSpan.FromTicks(windows * length.Ticks);
    }
}
