using Kite.Core.Time;
using Kite.Core.Validation;

namespace Kite.Core.Inputs;

/// <summary>DURATION: an ISO-8601 duration (<c>PT5M</c>), within <see cref="Min"/> and <see cref="Max"/> when set.</summary>
public sealed class DurationInput : Input
{
    public override InputType Type => InputType.Duration;

    [Duration]
    public string? Min { get; set; }

    [Duration]
    public string? Max { get; set; }

    public override object Coerce(object value)
    {
        var duration = value is TimeSpan d
            ? d
            : IsoDuration.TryParse(Text(value), out var parsed)
                ? parsed
                : throw new FormatException($"'{Text(value)}' is not an ISO-8601 duration such as PT5M");
        if (Min is not null && IsoDuration.TryParse(Min, out var min) && duration < min)
        {
            throw new FormatException($"it must be at least {Min}");
        }
        if (Max is not null && IsoDuration.TryParse(Max, out var max) && duration > max)
        {
            throw new FormatException($"it must be at most {Max}");
        }
        return duration;
    }
}
