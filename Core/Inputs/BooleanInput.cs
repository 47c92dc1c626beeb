namespace Kite.Core.Inputs;

/// <summary>BOOLEAN: the deprecated name of BOOL.</summary>
public sealed class BooleanInput : BoolInput
{
    public override InputType Type => InputType.Boolean;
}
