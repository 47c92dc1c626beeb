using System.Globalization;

namespace Kite.Core.Inputs;

/// <summary>DATETIME: an ISO-8601 instant (<c>2025-01-31T10:00:00Z</c>), between <see cref="After"/> and <see cref="Before"/> when set.</summary>
public sealed class DateTimeInput : Input
{
    public override InputType Type => InputType.Datetime;

    public DateTimeOffset? After { get; set; }

    public DateTimeOffset? Before { get; set; }

    public override object Coerce(object value)
    {
        var instant = value switch
        {
            DateTimeOffset t => t,
            _ => DateTimeOffset.TryParse(Text(value).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new FormatException($"'{Text(value)}' is not an ISO-8601 date-time such as 2025-01-31T10:00:00Z"),
        };
        if (instant < After)
        {
            throw new FormatException($"it must be after {After:O}");
        }
        if (instant > Before)
        {
            throw new FormatException($"it must be before {Before:O}");
        }
        return instant;
    }
}
