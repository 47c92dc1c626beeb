using System.Globalization;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary><c>date(format, timeZone=...)</c> with Java-style patterns, and <c>dateAdd(amount, unit)</c>.</summary>
internal static class DateFilters
{
    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
        ["date"] = Date,
        ["dateAdd"] = DateAdd,
        ["timestamp"] = (input, _, _) => ToInstant(input).ToUnixTimeSeconds(),
        ["timestampMilli"] = (input, _, _) => ToInstant(input).ToUnixTimeMilliseconds(),
    };

    internal static DateTimeOffset ToInstant(object? input) => input switch
    {
        DateTimeOffset t => t,
        DateTime t => new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        long seconds => DateTimeOffset.FromUnixTimeSeconds(seconds),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw new ExpressionException($"{ValueRules.Describe(input)} is not a date"),
    };

    private static object Date(object? input, Arguments args, Scope scope)
    {
        var instant = ToInstant(input);
        var zone = args.String(2, "timeZone");
        if (zone is not null)
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            instant = TimeZoneInfo.ConvertTime(instant, info);
        }
        var format = args.String(0, "format");
        return format is null ? PlainValues.FormatDate(instant) : JavaDateFormat.Format(instant, format);
    }

    private static object DateAdd(object? input, Arguments args, Scope scope)
    {
        var instant = ToInstant(input);
        var amount = args.Long(0, "amount", 0);
        var unit = (args.String(1, "unit") ?? throw new ExpressionException("dateAdd needs a unit such as DAYS")).ToUpperInvariant();
        return unit switch
        {
            "NANOS" => instant.AddTicks(amount / 100),
            "MICROS" => instant.AddTicks(amount * 10),
            "MILLIS" => instant.AddMilliseconds(amount),
            "SECONDS" => instant.AddSeconds(amount),
            "MINUTES" => instant.AddMinutes(amount),
            "HOURS" => instant.AddHours(amount),
            "HALF_DAYS" => instant.AddHours(12 * amount),
            "DAYS" => instant.AddDays(amount),
            "WEEKS" => instant.AddDays(7 * amount),
            "MONTHS" => instant.AddMonths((int)amount),
            "YEARS" => instant.AddYears((int)amount),
            "DECADES" => instant.AddYears((int)(10 * amount)),
            "CENTURIES" => instant.AddYears((int)(100 * amount)),
            _ => throw new ExpressionException($"dateAdd: unknown unit '{unit}'"),
        };
    }
}
