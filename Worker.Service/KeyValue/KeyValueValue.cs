using System.Globalization;
using System.Text.Json.Nodes;
using Kite.Core.Executions;
using Kite.Core.Time;
using Kite.Core.Values;
using Kite.Data.KeyValue;

namespace Kite.Worker.KeyValue;

/// <summary>A kv.Set value as stored: JSON text and its Kestra type, given by <c>kvType</c> or inferred as the Api infers it.</summary>
public static class KeyValueValue
{
    public static (string Json, string Type) Typed(object? value, string? kvType)
    {
        var type = kvType?.ToUpperInvariant();
        if (type is null)
        {
            var json = PlainJson.Write(value);
            return (json, KeyValueTypes.Infer(JsonNode.Parse(json)));
        }

        if (!KeyValueTypes.All.Contains(type))
        {
            throw new TaskFailedException($"kvType '{kvType}' is not one of {string.Join(", ", KeyValueTypes.All)}");
        }

        var text = value as string;
        object? typed = type switch
        {
            KeyValueTypes.Number when text is not null => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? (n == Math.Floor(n) && Math.Abs(n) < long.MaxValue ? (object)(long)n : n)
                : throw Mismatch(text, type),
            KeyValueTypes.Number when !PlainValues.IsNumber(value) => throw Mismatch(value, type),
            KeyValueTypes.Boolean when text is not null => bool.TryParse(text, out var b) ? b : throw Mismatch(text, type),
            KeyValueTypes.Boolean when value is not bool => throw Mismatch(value, type),
            KeyValueTypes.Json when text is not null => Parse(text),
            KeyValueTypes.String => PlainValues.ToText(value),
            KeyValueTypes.DateTime => DateTimeOffset.TryParse(PlainValues.ToText(value), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
                ? PlainValues.ToText(value) : throw Mismatch(value, type),
            KeyValueTypes.Date => DateOnly.TryParseExact(PlainValues.ToText(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? PlainValues.ToText(value) : throw Mismatch(value, type),
            KeyValueTypes.Duration => IsoDuration.TryParse(PlainValues.ToText(value), out _) ? PlainValues.ToText(value) : throw Mismatch(value, type),
            _ => value,
        };
        return (PlainJson.Write(typed), type);
    }

    private static object? Parse(string json)
    {
        try
        {
            return PlainJson.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    private static TaskFailedException Mismatch(object? value, string type) =>
        new($"value '{PlainValues.ToText(value)}' is not a {type} (kvType)");
}
