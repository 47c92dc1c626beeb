using System.Collections;
using Kite.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Kite.Core.Expressions.Library;

/// <summary>Kestra's <c>yaml</c> filter: a value written as YAML text (dates as ISO-8601 text).</summary>
internal static class YamlFilters
{
    private static readonly ISerializer Serializer = new SerializerBuilder().DisableAliases().Build();

    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
        ["yaml"] = (input, _, _) => Serialize(input),
    };

    private static string Serialize(object? input)
    {
        try
        {
            return Serializer.Serialize(Plain(input));
        }
        catch (YamlException e)
        {
            // YamlDotNet refuses values nested deeper than 50 levels.
            throw new ExpressionException($"yaml: {e.Message}", e);
        }
    }

    private static object? Plain(object? value) => value switch
    {
        null or string or bool or long or int or double => value,
        DateTimeOffset or DateTime or DateOnly or TimeOnly or TimeSpan => PlainValues.ToText(value),
        IDictionary map => Entries(map).ToDictionary(e => PlainValues.ToText(e.Key), e => Plain(e.Value)),
        IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => PlainValues.ToText(value),
    };

    private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
    {
        foreach (DictionaryEntry entry in map)
        {
            yield return entry;
        }
    }
}
