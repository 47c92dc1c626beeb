using System.Globalization;

namespace Kite.Core.Inputs;

/// <summary>INT: a whole number, within <see cref="Min"/> and <see cref="Max"/> when set.</summary>
public sealed class IntInput : Input
{
    public override InputType Type => InputType.Int;

    public long? Min { get; set; }

    public long? Max { get; set; }

    public override object Coerce(object value)
    {
        long number = value switch
        {
            int i => i,
            long l => l,
            double d when d == Math.Floor(d) => (long)d,
            _ => long.TryParse(Text(value).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new FormatException($"'{Text(value)}' is not a whole number"),
        };
        if (number < Min)
        {
            throw new FormatException($"it must be at least {Min}, got {number}");
        }
        if (number > Max)
        {
            throw new FormatException($"it must be at most {Max}, got {number}");
        }
        return number;
    }
}
