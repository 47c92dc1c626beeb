using System.Globalization;

namespace Kite.Core.Inputs;

/// <summary>DATE: an ISO-8601 date (<c>2025-01-31</c>).</summary>
public sealed class DateInput : Input
{
    public override InputType Type => InputType.Date;

    public DateOnly? After { get; set; }

    public DateOnly? Before { get; set; }

    public override object Coerce(object value)
    {
        var date = value is DateOnly d
            ? d
            : DateOnly.TryParseExact(Text(value).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new FormatException($"'{Text(value)}' is not an ISO-8601 date such as 2025-01-31");
        if (date < After || date > Before)
        {
            throw new FormatException($"it must be between {After?.ToString("O", CultureInfo.InvariantCulture) ?? "any"} and {Before?.ToString("O", CultureInfo.InvariantCulture) ?? "any"}");
        }
        return date;
    }
}
