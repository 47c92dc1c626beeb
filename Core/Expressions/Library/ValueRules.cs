using System.Collections;
using System.Globalization;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>Pebble's rules for values: truthiness, numbers, equality and order.</summary>
internal static class ValueRules
{
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0 && !s.Equals("false", StringComparison.OrdinalIgnoreCase),
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Numbers are long or double; other numeric types are widened.</summary>
    public static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        _ => value,
    };

    public static bool TryNumber(object? value, out object number)
    {
        number = Normalize(value)!;
        if (number is long or double)
        {
            return true;
        }
        if (value is string s)
        {
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                number = l;
                return true;
            }
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                number = d;
                return true;
            }
        }
        return false;
    }

    public static double ToDouble(object number) => number is long l ? l : (double)number;

    public static new bool Equals(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is long or double && right is long or double)
        {
            return ToDouble(left) == ToDouble(right);
        }
        if (left is IList a && right is IList b)
        {
            return a.Count == b.Count && Enumerable.Range(0, a.Count).All(i => Equals(a[i], b[i]));
        }
        return object.Equals(left, right);
    }

    public static int Compare(object? left, object? right, string op)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is long or double && right is long or double)
        {
            return ToDouble(left).CompareTo(ToDouble(right));
        }
        if (left is string ls && right is string rs)
        {
            return string.CompareOrdinal(ls, rs);
        }
        if (left is IComparable comparable && left.GetType() == right?.GetType())
        {
            return comparable.CompareTo(right);
        }
        throw new ExpressionException($"cannot compare {Describe(left)} and {Describe(right)} with '{op}'");
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"string '{s}'",
        IDictionary => "a map",
        IList => "a list",
        _ => $"{PlainValues.ToText(value)}",
    };
}
