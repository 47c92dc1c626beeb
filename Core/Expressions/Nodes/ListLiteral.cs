using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed class ListLiteral(IReadOnlyList<Expression> items) : Expression(items.Count == 0 ? 1 : items.Max(i => i.Depth) + 1)
{
    public override object? Evaluate(Scope scope)
    {
        var list = items.Select(i => i.Evaluate(scope)).ToList();
        return ValueSize.Excess(list, scope.Meter.Budget) is { } excess ? throw new ExpressionException($"the list {Text} {excess}") : list;
    }

    public override string Text => $"[{string.Join(", ", items.Select(i => i.Text))}]";
}
