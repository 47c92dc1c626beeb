namespace Kite.Core.Inputs;

/// <summary>BOOL: true or false (any case).</summary>
public class BoolInput : Input
{
    public override InputType Type => InputType.Bool;

    public override object Coerce(object value) => value switch
    {
        bool b => b,
        _ => Text(value).Trim().ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => throw new FormatException($"'{Text(value)}' is not a boolean (true or false)"),
        },
    };
}
