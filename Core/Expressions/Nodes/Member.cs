using System.Collections;
using Kite.Core.Expressions.Library;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>target.name</c> or <c>target[key]</c>: a map entry or a list item.</summary>
internal sealed class Member(Expression target, string? name, Expression? key) : Expression(Deeper(target, key))
{
    public override object? Evaluate(Scope scope)
    {
        var value = TryEvaluate(scope);
        if (value == Undefined.Instance)
        {
            throw new ExpressionException($"'{Text}' is not defined");
        }
        return value;
    }

    public override object? TryEvaluate(Scope scope)
    {
        var container = target.TryEvaluate(scope);
        if (container is null || container == Undefined.Instance)
        {
            return Undefined.Instance;
        }
        var selector = name ?? key!.Evaluate(scope);
        return Lookup(container, selector);
    }

    internal static object? Lookup(object container, object? selector)
    {
        switch (container)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(PlainValues.ToText(selector), out var v) ? v : Undefined.Instance;
            case IDictionary map:
                var k = PlainValues.ToText(selector);
                return map.Contains(k) ? map[k] : Undefined.Instance;
            case IList list when ValueRules.TryNumber(selector, out var n) && n is long index:
                return index >= 0 && index < list.Count ? list[(int)index] : Undefined.Instance;
            case IList list when selector is "size" or "length":
                return (long)list.Count;
            case string s when selector is "length":
                return (long)s.Length;
            default:
                return Undefined.Instance;
        }
    }

    public override string Text => name is not null ? $"{target.Text}.{name}" : $"{target.Text}[{key!.Text}]";
}
