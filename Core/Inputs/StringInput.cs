using System.Text.RegularExpressions;

namespace Kite.Core.Inputs;

/// <summary>STRING: any text, matched in full against <see cref="Validator"/> when set.</summary>
public class StringInput : Input
{
    public override InputType Type => InputType.String;

    public string? Validator { get; set; }

    public override object Coerce(object value)
    {
        var text = Text(value);
        if (Validator is not null && !Regex.IsMatch(text, $"^(?:{Validator})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new FormatException($"it must match the pattern '{Validator}'");
        }
        return text;
    }
}
