using System.Globalization;

namespace Kite.Core.Scheduling;

/// <summary>Trigger dates as the flow sees them (<c>{{ trigger.date }}</c>): ISO-8601 with the schedule's offset.</summary>
public static class TriggerDates
{
    public static string Format(DateTimeOffset date, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(date, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary><c>trigger.date</c>, <c>trigger.next</c> and <c>trigger.previous</c> for a fired slot.</summary>
    public static Dictionary<string, object?> ScheduleVariables(CronSchedule cron, DateTimeOffset slot)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["date"] = Format(slot, cron.Zone) };
        if (cron.Next(slot) is { } next)
        {
            variables["next"] = Format(next, cron.Zone);
        }

        if (cron.Previous(slot) is { } previous)
        {
            variables["previous"] = Format(previous, cron.Zone);
        }

        return variables;
    }
}
