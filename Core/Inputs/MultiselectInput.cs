using System.Collections;
using Kite.Core.Values;

namespace Kite.Core.Inputs;

/// <summary>MULTISELECT: several of <see cref="Values"/>, submitted as a list, a JSON array or comma-separated text.</summary>
public sealed class MultiselectInput : Input
{
    public override InputType Type => InputType.Multiselect;

    public List<string>? Values { get; set; }

    /// <summary>Deprecated name of <see cref="Values"/>.</summary>
    public List<string>? Options { get; set; }

    public string? Expression { get; set; }

    public bool AllowCustomValue { get; set; }

    public override object Coerce(object value)
    {
        var items = value switch
        {
            string s when s.TrimStart().StartsWith('[') => Parse(s),
            string s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            IEnumerable list => list.Cast<object?>().Select(i => Text(i ?? "")).ToList(),
            _ => [Text(value)],
        };
        var allowed = Values ?? Options;
        var unknown = allowed is null || AllowCustomValue ? [] : items.Where(i => !allowed.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"'{string.Join(", ", unknown)}' not among {string.Join(", ", allowed!)}");
        }
        return items;
    }

    private static List<string> Parse(string json)
    {
        try
        {
            return PlainJson.Parse(json) is List<object?> list
                ? list.Select(i => PlainValues.ToText(i)).ToList()
                : throw new FormatException("expected a JSON array of strings");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not a JSON array: {e.Message}");
        }
    }
}
