using System.Globalization;

namespace Kite.Core.Inputs;

/// <summary>FLOAT: a decimal number, within <see cref="Min"/> and <see cref="Max"/> when set.</summary>
public sealed class FloatInput : Input
{
    public override InputType Type => InputType.Float;

    public double? Min { get; set; }

    public double? Max { get; set; }

    public override object Coerce(object value)
    {
        double number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            _ => double.TryParse(Text(value).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new FormatException($"'{Text(value)}' is not a number"),
        };
        if (number < Min)
        {
            throw new FormatException($"it must be at least {Min?.ToString(CultureInfo.InvariantCulture)}, got {number.ToString(CultureInfo.InvariantCulture)}");
        }
        if (number > Max)
        {
            throw new FormatException($"it must be at most {Max?.ToString(CultureInfo.InvariantCulture)}, got {number.ToString(CultureInfo.InvariantCulture)}");
        }
        return number;
    }
}
