using Kite.Core.Validation;

namespace Kite.Core.Inputs;

/// <summary>ENUM: the deprecated name of SELECT.</summary>
public sealed class EnumInput : SelectInput
{
    public override InputType Type => InputType.Enum;
}
