using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>The evaluated arguments of one call, read by position or by name.</summary>
internal sealed class Arguments(string callee, IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?>? named)
{
    public static readonly Arguments None = new("", [], null);

    public int Count => positional.Count + (named?.Count ?? 0);

    public IReadOnlyList<object?> Positional => positional;

    public bool Has(int index, string name) => index < positional.Count || (named?.ContainsKey(name) ?? false);

    public object? Get(int index, string name, object? fallback = null) =>
        index < positional.Count ? positional[index]
        : named is not null && named.TryGetValue(name, out var value) ? value
        : fallback;

    public object? Required(int index, string name) =>
        Has(index, name) ? Get(index, name) : throw new ExpressionException($"'{callee}' needs the argument '{name}'");

    public string? String(int index, string name, string? fallback = null) =>
        Get(index, name) is { } value ? PlainValues.ToText(value) : fallback;

    public long Long(int index, string name, long fallback) =>
        Get(index, name) is { } value
            ? ValueRules.TryNumber(value, out var n) ? n is long l ? l : (long)(double)n : throw new ExpressionException($"'{callee}': '{name}' must be a number")
            : fallback;
}
