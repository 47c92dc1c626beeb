using System.Collections.Concurrent;
using System.Reflection;
using Kite.Core.Validation;

namespace Kite.Core.Flows.Reading;

/// <summary>The YAML keys of a model class, read once by reflection and kept.</summary>
internal sealed class ClassMeta
{
    private static readonly ConcurrentDictionary<Type, ClassMeta> Cache = new();

    private ClassMeta(Type type)
    {
        Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && !p.IsDefined(typeof(NotInYamlAttribute), inherit: true))
            .Select(p => new PropertyMeta(p))
            .ToDictionary(p => p.Key, StringComparer.Ordinal);
        Required = Properties.Values.Where(p => p.Required).ToList();
    }

    public IReadOnlyDictionary<string, PropertyMeta> Properties { get; }

    public IReadOnlyList<PropertyMeta> Required { get; }

    public static ClassMeta For(Type type) => Cache.GetOrAdd(type, t => new ClassMeta(t));
}
