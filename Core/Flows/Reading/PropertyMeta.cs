using System.Reflection;
using Kite.Core.Validation;

namespace Kite.Core.Flows.Reading;

/// <summary>What the reader needs to know about one property of a model class: its YAML key and its rules.</summary>
internal sealed class PropertyMeta
{
    public PropertyMeta(PropertyInfo property)
    {
        Property = property;
        Key = property.GetCustomAttribute<KeyAttribute>()?.Name ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Required = property.IsDefined(typeof(RequiredAttribute));
        NotEmpty = property.IsDefined(typeof(NotEmptyAttribute));
        Id = property.GetCustomAttribute<IdAttribute>()?.Kind;
        Duration = property.IsDefined(typeof(DurationAttribute));
        SingleOrList = property.IsDefined(typeof(SingleOrListAttribute));
    }

    public PropertyInfo Property { get; }

    public string Key { get; }

    public bool Required { get; }

    public bool NotEmpty { get; }

    public IdKind? Id { get; }

    public bool Duration { get; }

    public bool SingleOrList { get; }
}
