using System.Collections;
using System.Globalization;
using Kite.Core.Time;

namespace Kite.Core.Values;

/// <summary>How plain values print and compare the way Kestra's expressions print them.</summary>
public static class PlainValues
{
    public static bool IsNumber(object? value) =>
        value is int or long or double or decimal or float or short or byte or uint or ulong;

    public static bool IsIntegral(object? value) => value is int or long or short or byte or uint or ulong;

    /// <summary>Prints a value into a template: numbers invariant, dates ISO-8601, lists and maps as JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTimeOffset t => FormatDate(t),
        DateTime t => FormatDate(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t)),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString(t.Millisecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan d => IsoDuration.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary or IList => PlainJson.Write(value),
        _ => value.ToString() ?? "",
    };

    public static string FormatDouble(double d)
    {
        if (double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            return d.ToString("0.0", CultureInfo.InvariantCulture);
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>ISO-8601 with the offset, as Kestra prints an instant (<c>2025-01-02T03:04:05.123Z</c>).</summary>
    public static string FormatDate(DateTimeOffset t) =>
        t.Offset == TimeSpan.Zero
            ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z"
            : t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
