using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary>A binary operator; <c>and</c> and <c>or</c> short-circuit.</summary>
internal sealed class Binary(string op, Expression left, Expression right) : Expression(Deeper(left, right))
{
    public override object? Evaluate(Scope scope)
    {
        switch (op)
        {
            case "and":
                return ValueRules.IsTrue(left.Evaluate(scope)) && ValueRules.IsTrue(right.Evaluate(scope));
            case "or":
                return ValueRules.IsTrue(left.Evaluate(scope)) || ValueRules.IsTrue(right.Evaluate(scope));
            default:
                return Operators.Apply(op, left.Evaluate(scope), right.Evaluate(scope), scope.Meter);
        }
    }

    public override string Text => $"{left.Text} {op} {right.Text}";
}
