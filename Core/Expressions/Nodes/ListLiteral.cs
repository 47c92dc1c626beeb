namespace Kite.Core.Expressions.Nodes;

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed class ListLiteral(IReadOnlyList<Expression> items) : Expression
{
    public override object? Evaluate(Scope scope) => items.Select(i => i.Evaluate(scope)).ToList();

    public override string Text => $"[{string.Join(", ", items.Select(i => i.Text))}]";
}
