using Kite.Core.Expressions.Library;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>{'key': value}</c>.</summary>
internal sealed class MapLiteral(IReadOnlyList<(Expression Key, Expression Value)> entries)
    : Expression(entries.Count == 0 ? 1 : entries.Max(e => Math.Max(e.Key.Depth, e.Value.Depth)) + 1)
{
    public override object? Evaluate(Scope scope)
    {
        var map = entries.ToDictionary(e => PlainValues.ToText(e.Key.Evaluate(scope)), e => e.Value.Evaluate(scope), StringComparer.Ordinal);
        return ValueSize.Excess(map, scope.Meter.Budget) is { } excess ? throw new ExpressionException($"the map {Text} {excess}") : map;
    }

    public override string Text => $"{{{string.Join(", ", entries.Select(e => $"{e.Key.Text}: {e.Value.Text}"))}}}";
}
