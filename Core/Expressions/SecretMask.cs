using System.Text.Json;

namespace Kite.Core.Expressions;

/// <summary>
/// The secret values one task run has read, and the text it writes with each of them replaced by <c>******</c>: its
/// log lines and its outputs. Values shorter than <see cref="ShortestMasked"/> characters are not masked, since
/// masking every "a" or "1" would garble the logs and hide nothing.
/// </summary>
public sealed class SecretMask
{
    public const string Mask = "******";
    public const int ShortestMasked = 4;

    private readonly Lock gate = new();
    private string[] values = [];

    public bool IsEmpty => values.Length == 0;

    /// <summary>Remembers a value read by <c>secret()</c>, with its JSON-escaped form when that differs.</summary>
    public void Add(string value)
    {
        if (value.Length < ShortestMasked)
        {
            return;
        }

        var escaped = JsonSerializer.Serialize(value)[1..^1];
        lock (gate)
        {
            // Longest first, so that a secret holding another is masked whole.
            values = [.. values.Append(value).Append(escaped).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
        }
    }

    /// <summary>A value with every text in it masked, maps and lists copied only where they hold a secret.</summary>
    public object? Apply(object? value) => IsEmpty ? value : value switch
    {
        string text => Apply(text),
        IReadOnlyDictionary<string, object?> map when Holds(map) => map.ToDictionary(e => e.Key, e => Apply(e.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> items when Holds(items) => items.Select(Apply).ToList(),
        _ => value,
    };

    /// <summary>Whether a secret this mask knows appears in a text of the value.</summary>
    public bool Holds(object? value) => !IsEmpty && value switch
    {
        string text => values.Any(v => text.Contains(v, StringComparison.Ordinal)),
        IReadOnlyDictionary<string, object?> map => map.Values.Any(Holds),
        IReadOnlyList<object?> items => items.Any(Holds),
        _ => false,
    };

    public string Apply(string text)
    {
        // Replace returns the same string when the value is not in it: no search before it.
        foreach (var value in values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
