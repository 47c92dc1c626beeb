using Cronos;
using Kite.Core.Triggers;

namespace Kite.Core.Scheduling;

/// <summary>
/// The slots of a Schedule trigger: its cron in Kestra's (Unix) syntax, five fields or six with <c>withSeconds</c>,
/// or a macro such as <c>@hourly</c>, in its time zone. Across daylight-saving changes a slot that falls in the
/// spring-forward gap fires at the first instant after it, and a slot in the repeated autumn hour fires once (its
/// first occurrence); schedules of every N minutes or hours keep their interval through both.
/// </summary>
public sealed class CronSchedule
{
    // Steps back from a slot to find the one before it, from the finest cron step to the coarsest (a leap day).
    private static readonly TimeSpan[] LookBack =
    [
        TimeSpan.FromMinutes(2), TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(366 * 8),
    ];

    private readonly CronExpression expression;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        this.expression = expression;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Reads the trigger's cron and time zone; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static CronSchedule Of(Schedule schedule, TimeZoneInfo defaultZone) =>
        Parse(schedule.Cron, schedule.WithSeconds, schedule.Timezone, defaultZone);

    public static CronSchedule Parse(string cron, bool withSeconds, string? timezone, TimeZoneInfo defaultZone)
    {
        var text = cron.Trim();
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(text, withSeconds && !text.StartsWith('@') ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"cron '{cron}' is not valid: {ex.Message}", ex);
        }

        return new CronSchedule(expression, FindZone(timezone, defaultZone));
    }

    /// <summary>The first slot strictly after <paramref name="instant"/>, or null when the cron never fires again.</summary>
    public DateTimeOffset? Next(DateTimeOffset instant) => expression.GetNextOccurrence(instant, Zone);

    /// <summary>The first slot at or after <paramref name="instant"/>.</summary>
    public DateTimeOffset? NextOrSame(DateTimeOffset instant) => expression.GetNextOccurrence(instant, Zone, inclusive: true);

    /// <summary>The last slot strictly before <paramref name="instant"/>, or null when there was none in eight years.</summary>
    public DateTimeOffset? Previous(DateTimeOffset instant)
    {
        foreach (var span in LookBack)
        {
            DateTimeOffset? last = null;
            foreach (var slot in expression.GetOccurrences(instant - span, instant, Zone, fromInclusive: true, toInclusive: false))
            {
                last = slot;
            }

            if (last is not null)
            {
                return last;
            }
        }

        return null;
    }

    /// <summary>The last slot at or before <paramref name="instant"/>.</summary>
    public DateTimeOffset? LastAtOrBefore(DateTimeOffset instant) => Previous(instant.AddTicks(1));

    private static TimeZoneInfo FindZone(string? timezone, TimeZoneInfo defaultZone)
    {
        if (string.IsNullOrWhiteSpace(timezone))
        {
            return defaultZone;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timezone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"timezone '{timezone}' is not a known time zone (use an IANA name such as Europe/Paris)", ex);
        }
    }
}
