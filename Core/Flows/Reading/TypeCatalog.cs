namespace Kite.Core.Flows.Reading;

/// <summary>The classes a polymorphic YAML element (task, trigger, input, retry...) may be, by the <c>type</c> names that select them.</summary>
public sealed class TypeCatalog
{
    private readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> names = [];

    /// <summary>Registers <typeparamref name="T"/> under its name and any aliases (legacy names still accepted).</summary>
    public TypeCatalog Add<T>(string name, params string[] aliases)
        where T : new()
    {
        names[typeof(T)] = name;
        byName[name] = typeof(T);
        foreach (var alias in aliases)
        {
            byName[alias] = typeof(T);
        }
        return this;
    }

    public bool TryResolve(string name, out Type type) => byName.TryGetValue(name, out type!);

    /// <summary>The current full name of a registered class (not an alias).</summary>
    public string NameOf(Type type) => names[type];

    /// <summary>Every accepted name, aliases included.</summary>
    public IEnumerable<string> AllNames => byName.Keys;

    public IEnumerable<string> CanonicalNames => names.Values;
}
