namespace Kite.Core.Validation;

/// <summary>A property the reader fills itself (location, type name); a YAML key of that name is unknown.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotInYamlAttribute : Attribute;
