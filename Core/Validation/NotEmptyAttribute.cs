namespace Kite.Core.Validation;

/// <summary>A list or map that must hold at least one entry when present.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotEmptyAttribute : Attribute;
