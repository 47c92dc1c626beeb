using Kite.Core.Validation;

namespace Kite.Core.Inputs;

/// <summary>SELECT: one of <see cref="Values"/> (or any text with <see cref="AllowCustomValue"/>).</summary>
public class SelectInput : Input
{
    public override InputType Type => InputType.Select;

    public List<string>? Values { get; set; }

    /// <summary>An expression rendering the list of values, instead of <see cref="Values"/>.</summary>
    public string? Expression { get; set; }

    public bool AllowCustomValue { get; set; }

    public bool IsRadio { get; set; }

    public override object Coerce(object value)
    {
        var text = Text(value);
        if (!AllowCustomValue && Values is not null && !Values.Contains(text))
        {
            throw new FormatException($"'{text}' is not one of {string.Join(", ", Values)}");
        }
        return text;
    }
}
