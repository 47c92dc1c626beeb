using System.Globalization;

namespace Kite.Core.Inputs;

/// <summary>TIME: an ISO-8601 local time (<c>10:15:30</c>).</summary>
public sealed class TimeInput : Input
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    public override InputType Type => InputType.Time;

    public TimeOnly? After { get; set; }

    public TimeOnly? Before { get; set; }

    public override object Coerce(object value)
    {
        var time = value is TimeOnly t
            ? t
            : TimeOnly.TryParseExact(Text(value).Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new FormatException($"'{Text(value)}' is not an ISO-8601 time such as 10:15:30");
        if (time < After || time > Before)
        {
            throw new FormatException("it is outside the allowed time range");
        }
        return time;
    }
}
