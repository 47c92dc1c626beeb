namespace Kite.Core.Validation;

/// <summary>The YAML key must be present (and, for lists, may still be empty unless <see cref="NotEmptyAttribute"/> says otherwise).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
