namespace Kite.Core.Validation;

/// <summary>The YAML key of a property when it is not the camelCase of the property's name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
