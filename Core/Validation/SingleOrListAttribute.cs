namespace Kite.Core.Validation;

/// <summary>A list property that also accepts a single value, read as a list of one.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleOrListAttribute : Attribute;
