using System.Globalization;
using System.Text.RegularExpressions;

namespace Kite.Core.Time;

/// <summary>ISO-8601 durations as Java's <c>Duration</c> reads them: days, hours, minutes and (fractional) seconds, signed.</summary>
public static partial class IsoDuration
{
    [GeneratedRegex(@"^([-+]?)P(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+(?:[.,]\d{0,9})?)S)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !(match.Groups[2].Success || match.Groups[3].Success || match.Groups[4].Success || match.Groups[5].Success))
        {
            return false;
        }
        var inTime = text.Contains('T', StringComparison.OrdinalIgnoreCase);
        if (inTime && !(match.Groups[3].Success || match.Groups[4].Success || match.Groups[5].Success))
        {
            return false;
        }
        try
        {
            var ticks = Part(match.Groups[2], TimeSpan.TicksPerDay)
                + Part(match.Groups[3], TimeSpan.TicksPerHour)
                + Part(match.Groups[4], TimeSpan.TicksPerMinute)
                + Seconds(match.Groups[5]);
            duration = TimeSpan.FromTicks(match.Groups[1].Value == "-" ? -ticks : ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO-8601 duration such as PT30S or P1DT2H");

    /// <summary>Writes a duration the way Java's <c>Duration.toString()</c> does (<c>PT1H30M</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "PT0S";
        }
        var sign = duration < TimeSpan.Zero ? "-" : "";
        var d = duration.Duration();
        var hours = (long)d.TotalHours;
        var text = sign + "PT";
        if (hours != 0)
        {
            text += hours.ToString(CultureInfo.InvariantCulture) + "H";
        }
        if (d.Minutes != 0)
        {
            text += d.Minutes.ToString(CultureInfo.InvariantCulture) + "M";
        }
        var seconds = d.Seconds + (d.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond;
        if (seconds != 0)
        {
            text += seconds.ToString("0.#########", CultureInfo.InvariantCulture) + "S";
        }
        return text;
    }

    private static long Part(Group group, long unit) =>
        group.Success ? checked(long.Parse(group.Value, CultureInfo.InvariantCulture) * unit) : 0;

    private static long Seconds(Group group) =>
        group.Success
            ? (long)checked(decimal.Parse(group.Value.Replace(',', '.'), CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond)
            : 0;
}
