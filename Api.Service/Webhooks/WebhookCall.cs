using System.Text.Json;
using Kite.Api.Executions;
using Kite.Api.Routing;
using Kite.Core.Values;

namespace Kite.Api.Webhooks;

/// <summary>
/// What a webhook call carries into the execution as <c>trigger.body</c>, <c>trigger.headers</c> and
/// <c>trigger.parameters</c>: the body as JSON when it reads as JSON the execution can store, else as text; headers and query parameters
/// as lists of values, as Kestra gives them.
/// </summary>
public static class WebhookCall
{
    public static async Task<Dictionary<string, object?>> ReadAsync(HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        var text = await BodyText.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["body"] = Body(text),
            ["headers"] = request.Headers.ToDictionary(h => h.Key, h => (object?)h.Value.Select(v => (object?)v).ToList(), StringComparer.OrdinalIgnoreCase),
            ["parameters"] = request.Query.ToDictionary(q => q.Key, q => (object?)q.Value.Select(v => (object?)v).ToList(), StringComparer.Ordinal),
        };
    }

    private static object? Body(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            var json = PlainJson.Parse(text);
            return ExecutionInputs.WhyUnstorable(json) is null ? json : text;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException)
        {
            // Not JSON, or JSON no plain value holds (a key twice): the text as it came.
            return text;
        }
    }
}
