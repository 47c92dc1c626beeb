namespace Kite.Core.Inputs;

/// <summary>SECRET: text kept encrypted in the execution and never shown back.</summary>
public sealed class SecretInput : StringInput
{
    public override InputType Type => InputType.Secret;
}
