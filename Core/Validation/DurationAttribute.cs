namespace Kite.Core.Validation;

/// <summary>A string property holding an ISO-8601 duration or an expression that renders to one.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationAttribute : Attribute;
