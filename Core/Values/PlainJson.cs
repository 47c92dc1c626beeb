using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kite.Core.Values;

/// <summary>
/// JSON to and from the plain values Kite passes around (null, string, bool, long, double, decimal,
/// <see cref="List{T}"/> of object, <see cref="Dictionary{TKey,TValue}"/> of string to object, dates and durations).
/// </summary>
public static class PlainJson
{
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                builder.Append(JsonSerializer.Serialize(s));
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case double d:
                builder.Append(PlainValues.FormatDouble(d));
                break;
            case float f:
                builder.Append(PlainValues.FormatDouble(f));
                break;
            case IFormattable n when PlainValues.IsNumber(value):
                builder.Append(n.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                builder.Append('{');
                var first = true;
                foreach (DictionaryEntry entry in map)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    builder.Append(JsonSerializer.Serialize(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)));
                    builder.Append(':');
                    Write(builder, entry.Value);
                }
                builder.Append('}');
                break;
            case IEnumerable list:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        builder.Append(',');
                    }
                    firstItem = false;
                    Write(builder, item);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(JsonSerializer.Serialize(PlainValues.ToText(value)));
                break;
        }
    }
}
