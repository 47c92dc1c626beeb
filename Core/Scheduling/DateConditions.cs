using System.Globalization;
using Kite.Core.Triggers.Conditions;

namespace Kite.Core.Scheduling;

/// <summary>
/// The date conditions of a Schedule, on the date as seen in its time zone (the offset the date carries).
/// PublicHoliday is <see cref="ConditionEvaluator"/>'s: its country and subdivision are rendered first.
/// </summary>
public static class DateConditions
{
    public static bool Holds(DateCondition condition, DateTimeOffset date) => condition switch
    {
        DayWeek dayWeek => date.DayOfWeek == dayWeek.DayOfWeek,
        Weekend => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
        DateTimeBetween between => (between.After is not { } after || date > after) && (between.Before is not { } before || date < before),
        DayWeekInMonth inMonth => date.DayOfWeek == inMonth.DayOfWeek && IsWeekOfMonth(date, inMonth.DayInMonth),
        TimeBetween between => TimeBetweenHolds(between, date),
        _ => throw new NotSupportedException($"condition type '{condition.Type}' is not supported by Kite's scheduler yet"),
    };

    private static bool IsWeekOfMonth(DateTimeOffset date, DayInMonth? which) => which switch
    {
        DayInMonth.First => date.Day <= 7,
        DayInMonth.Second => date.Day is > 7 and <= 14,
        DayInMonth.Third => date.Day is > 14 and <= 21,
        DayInMonth.Fourth => date.Day is > 21 and <= 28,
        DayInMonth.Last => date.Day + 7 > DateTime.DaysInMonth(date.Year, date.Month),
        _ => false,
    };

    private static bool TimeBetweenHolds(TimeBetween between, DateTimeOffset date) =>
        (between.After is not { } after || Time(date, after) > ParseTime(after)) &&
        (between.Before is not { } before || Time(date, before) < ParseTime(before));

    /// <summary>The date's time of day, in the offset the bound names (Kestra reads an OffsetTime) or its own.</summary>
    private static TimeOnly Time(DateTimeOffset date, string bound)
    {
        var offset = OffsetOf(bound);
        return TimeOnly.FromTimeSpan((offset is { } o ? date.ToOffset(o) : date).TimeOfDay);
    }

    private static TimeOnly ParseTime(string bound)
    {
        var text = bound.Trim();
        var cut = text.IndexOfAny(['Z', '+', '-']);
        return TimeOnly.Parse(cut > 0 ? text[..cut] : text, CultureInfo.InvariantCulture);
    }

    private static TimeSpan? OffsetOf(string bound)
    {
        var text = bound.Trim();
        if (text.EndsWith('Z'))
        {
            return TimeSpan.Zero;
        }

        var cut = text.IndexOfAny(['+', '-']);
        if (cut <= 0)
        {
            return null;
        }

        var offset = TimeSpan.Parse(text[(cut + 1)..], CultureInfo.InvariantCulture);
        return text[cut] == '-' ? -offset : offset;
    }
}
