using System.Text.RegularExpressions;

namespace Kite.Core.Inputs;

/// <summary>EMAIL: an e-mail address.</summary>
public sealed partial class EmailInput : Input
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Address();

    public override InputType Type => InputType.Email;

    public override object Coerce(object value) =>
        Address().IsMatch(Text(value).Trim()) ? Text(value).Trim() : throw new FormatException($"'{Text(value)}' is not an e-mail address");
}
