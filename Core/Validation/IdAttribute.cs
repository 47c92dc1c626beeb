namespace Kite.Core.Validation;

/// <summary>The value is an identifier that must match Kestra's pattern for it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdAttribute(IdKind kind) : Attribute
{
    public IdKind Kind { get; } = kind;
}
