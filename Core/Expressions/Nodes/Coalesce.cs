namespace Kite.Core.Expressions.Nodes;

/// <summary><c>a ?? b</c>: b when a is null or undefined; <c>a ??? b</c>: b only when a is undefined.</summary>
internal sealed class Coalesce(Expression left, Expression right, bool onlyUndefined) : Expression(Deeper(left, right))
{
    public override object? Evaluate(Scope scope)
    {
        var value = left.TryEvaluate(scope);
        var fallback = value == Undefined.Instance || (!onlyUndefined && value is null);
        return fallback ? right.Evaluate(scope) : value;
    }

    public override object? TryEvaluate(Scope scope)
    {
        var value = left.TryEvaluate(scope);
        var fallback = value == Undefined.Instance || (!onlyUndefined && value is null);
        return fallback ? right.TryEvaluate(scope) : value;
    }

    public override string Text => $"{left.Text} {(onlyUndefined ? "???" : "??")} {right.Text}";
}
