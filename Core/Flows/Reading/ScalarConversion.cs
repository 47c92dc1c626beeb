using System.Globalization;

namespace Kite.Core.Flows.Reading;

/// <summary>YAML scalar text to the simple property types of the model (booleans, numbers, dates).</summary>
internal static class ScalarConversion
{
    public static bool TryConvert(string text, Type type, out object? value)
    {
        var inv = CultureInfo.InvariantCulture;
        value = type switch
        {
            _ when type == typeof(bool) => text is "true" or "True" or "TRUE" ? true : text is "false" or "False" or "FALSE" ? false : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, inv, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d) ? d : null,
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(text, inv, DateTimeStyles.None, out var t) ? t : null,
            _ => null,
        };
        return value is not null;
    }

    public static string Describe(Type type) =>
        type == typeof(bool) ? "a boolean (true or false)"
        : type == typeof(double) ? "a number"
        : type == typeof(DateTimeOffset) ? "an ISO-8601 date-time"
        : type == typeof(DateOnly) ? "an ISO-8601 date"
        : type == typeof(TimeOnly) ? "an ISO-8601 time"
        : "a whole number";
}
