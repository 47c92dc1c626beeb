using Kite.Core.Values;

namespace Kite.Data.Executions;

/// <summary>Maps of plain values (inputs, outputs, variables) to and from their jsonb columns.</summary>
public static class PlainJsonColumns
{
    public static string? Write(IReadOnlyDictionary<string, object?>? map) => map is null ? null : PlainJson.Write(map);

    /// <summary>Null for no column and for JSON <c>null</c> (the outputs of a child flow that has none).</summary>
    public static Dictionary<string, object?>? Read(string? json) =>
        json is null ? null : PlainJson.Parse(json) switch
        {
            null => null,
            Dictionary<string, object?> map => map,
            _ => throw new FormatException("expected a JSON object"),
        };

    public static string WriteLabels(IReadOnlyDictionary<string, string> labels) =>
        PlainJson.Write(labels.Select(l => (object?)new Dictionary<string, object?> { ["key"] = l.Key, ["value"] = l.Value }).ToList());

    public static Dictionary<string, string> ReadLabels(string? json) =>
        json is null
            ? []
            : ((List<object?>)PlainJson.Parse(json)!).Cast<Dictionary<string, object?>>()
                .ToDictionary(l => (string)l["key"]!, l => (string)l["value"]!, StringComparer.Ordinal);
}
