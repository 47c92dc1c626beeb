using System.Text.Json;
using Kite.Api.Problems;
using Kite.Api.Routing;

namespace Kite.Api.Triggers;

/// <summary>Reads the JSON bodies of the trigger routes, refusing with a problem that names the field: 400 when it does not read, 422 when it is missing.</summary>
public static class TriggerRequests
{
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["disabled"] = "true or false",
        ["start"] = "an ISO-8601 date-time",
        ["end"] = "an ISO-8601 date-time",
        ["inputs"] = "an object",
        ["triggers"] = "a list of triggers",
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var text = await BodyText.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiProblemException.BadRequest("body", "the body is empty; send the trigger as JSON with namespace, flowId and triggerId");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)
                ?? throw ApiProblemException.BadRequest("body", "the body is null; send the trigger as a JSON object");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path[2..] : "body";
            var last = field.Split('.')[^1];
            var message = ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && field != "body"
                ? $"'{field}' must be {Expected.GetValueOrDefault(last, "of another type")}"
                : $"the body is not JSON: {ex.Message}";
            throw ApiProblemException.BadRequest(field, message);
        }
    }

    /// <summary>The trigger a body names; <paramref name="prefix"/> locates it in a list (<c>triggers[2].</c>).</summary>
    public static TriggerKey KeyOf(string? @namespace, string? flowId, string? triggerId, string prefix = "") =>
        new(Required(@namespace, prefix + "namespace"), Required(flowId, prefix + "flowId"), Required(triggerId, prefix + "triggerId"));

    public static TriggerKey KeyOf(TriggerKeyBody body, string prefix = "") => KeyOf(body.Namespace, body.FlowId, body.TriggerId, prefix);

    /// <summary>Kestra's labels (<c>[{key, value}]</c>) or a plain object of strings.</summary>
    public static Dictionary<string, string>? Labels(JsonElement? labels)
    {
        const string Field = "backfill.labels";
        switch (labels)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Object } map:
                return map.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value, $"{Field}.{p.Name}"), StringComparer.Ordinal);
            case { ValueKind: JsonValueKind.Array } list:
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                var i = 0;
                foreach (var label in list.EnumerateArray())
                {
                    if (label.ValueKind != JsonValueKind.Object || !label.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String
                        || !label.TryGetProperty("value", out var value))
                    {
                        throw ApiProblemException.BadRequest($"{Field}[{i}]", "a label is written {\"key\": \"...\", \"value\": \"...\"}");
                    }

                    result[key.GetString()!] = Text(value, $"{Field}[{i}].value");
                    i++;
                }

                return result;
            default:
                throw ApiProblemException.BadRequest(Field, "labels are a list of {\"key\": ..., \"value\": ...}");
        }
    }

    private static string Text(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw ApiProblemException.BadRequest(field, "a label's value is a string"),
    };

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw ApiProblemException.Unprocessable(field, $"'{field}' is required") : value;
}
