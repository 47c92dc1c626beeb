using System.Text.Json;

namespace Kite.Api.Queries;

/// <summary>Labels are stored as Kestra writes them, <c>[{"key": ..., "value": ...}]</c>; a filter is a containment test.</summary>
public static class LabelJson
{
    public static string Contains(string key, string value) =>
        JsonSerializer.Serialize(new[] { new Dictionary<string, string> { ["key"] = key, ["value"] = value } });
}
