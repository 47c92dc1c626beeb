using System.Collections;

namespace Kite.Core.Expressions.Library;

/// <summary>The tests after <c>is</c>: defined, null, empty, even, odd, iterable, map, json.</summary>
internal static class Checks
{
    public static IReadOnlyDictionary<string, Check> All { get; } = new Dictionary<string, Check>(StringComparer.Ordinal)
    {
        ["defined"] = (value, _) => value != Undefined.Instance,
        ["null"] = (value, _) => value is null || value == Undefined.Instance,
        ["empty"] = (value, _) => value switch
        {
            null => true,
            string s => s.Length == 0,
            ICollection c => c.Count == 0,
            _ => false,
        },
        ["even"] = (value, _) => ValueRules.TryNumber(value, out var n) && n is long l && l % 2 == 0,
        ["odd"] = (value, _) => ValueRules.TryNumber(value, out var n) && n is long l && l % 2 != 0,
        ["iterable"] = (value, _) => value is IEnumerable and not string,
        ["map"] = (value, _) => value is IDictionary,
        ["json"] = (value, _) => IsJson(value),
    };

    private static bool IsJson(object? value)
    {
        if (value is not string text)
        {
            return false;
        }
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
