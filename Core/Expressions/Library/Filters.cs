namespace Kite.Core.Expressions.Library;

/// <summary>Every filter by name: the Pebble built-ins Kestra flows use and Kestra's own.</summary>
internal static class Filters
{
    public static IReadOnlyDictionary<string, Filter> All { get; } =
        StringFilters.All.Concat(CollectionFilters.All).Concat(DateFilters.All).Concat(JsonFilters.All).Concat(EncodingFilters.All).Concat(YamlFilters.All)
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>The filters that may see an undefined input (<c>default</c> only, as in Pebble's strict mode).</summary>
    public static bool AcceptsUndefined(string name) => name == "default";
}
