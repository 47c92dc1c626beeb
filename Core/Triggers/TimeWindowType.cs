namespace Kite.Core.Triggers;

public enum TimeWindowType
{
    DurationWindow,
    SlidingWindow,
    DailyTimeDeadline,
    DailyTimeWindow,
}
