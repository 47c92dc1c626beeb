using System.Collections;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>
/// The binary operators: arithmetic on longs and doubles as Pebble does it, comparisons, <c>~</c>, <c>in</c>, <c>contains</c>.
/// Given the render's meter, <c>~</c> keeps to its length limit and a list looked for in a list to its time limit.
/// </summary>
internal static class Operators
{
    public static object? Apply(string op, object? left, object? right, RenderMeter? meter = null) => op switch
    {
        "+" or "-" or "*" or "/" or "%" => Arithmetic(op, left, right),
        "~" => Concat(PlainValues.ToText(left), PlainValues.ToText(right), meter),
        "==" or "equals" => ValueRules.Equals(left, right),
        "!=" => !ValueRules.Equals(left, right),
        "<" => ValueRules.Compare(left, right, op) < 0,
        "<=" => ValueRules.Compare(left, right, op) <= 0,
        ">" => ValueRules.Compare(left, right, op) > 0,
        ">=" => ValueRules.Compare(left, right, op) >= 0,
        "contains" => Contains(left, right, meter),
        "in" => Contains(right, left, meter),
        "not in" => !Contains(right, left, meter),
        _ => throw new ExpressionException($"unknown operator '{op}'"),
    };

    private static string Concat(string left, string right, RenderMeter? meter)
    {
        meter?.CheckLength((long)left.Length + right.Length, "the result of '~'");
        return left + right;
    }

    // A list looked for in a list compares every pair: the meter's clock is read between items, as in a loop.
    public static bool Contains(object? container, object? item, RenderMeter? meter = null) => container switch
    {
        null => false,
        string s => item is not null && s.Contains(PlainValues.ToText(item), StringComparison.Ordinal),
        IDictionary map => item is not null && map.Contains(PlainValues.ToText(item)),
        IEnumerable list => item is IList wanted && item is not string
            ? wanted.Cast<object?>().All(w => { meter?.Tick(); return list.Cast<object?>().Any(x => ValueRules.Equals(x, w)); })
            : list.Cast<object?>().Any(x => ValueRules.Equals(x, item)),
        _ => throw new ExpressionException($"'contains' needs a string, list or map, not {ValueRules.Describe(container)}"),
    };

    private static object Arithmetic(string op, object? left, object? right)
    {
        if (!ValueRules.TryNumber(left, out var a) || !ValueRules.TryNumber(right, out var b))
        {
            throw new ExpressionException($"cannot apply '{op}' to {ValueRules.Describe(left)} and {ValueRules.Describe(right)}: both must be numbers (use '~' to join strings)");
        }
        if (a is long x && b is long y)
        {
            return op switch
            {
                "+" => x + y,
                "-" => x - y,
                "*" => x * y,
                "/" => y == 0 ? throw new ExpressionException("division by zero") : x / y,
                _ => y == 0 ? throw new ExpressionException("division by zero") : x % y,
            };
        }
        var (p, q) = (ValueRules.ToDouble(a), ValueRules.ToDouble(b));
        return op switch
        {
            "+" => p + q,
            "-" => p - q,
            "*" => p * q,
            "/" => p / q,
            _ => p % q,
        };
    }
}
