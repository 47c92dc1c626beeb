using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>not x</c>, <c>-x</c>, <c>+x</c>.</summary>
internal sealed class Unary(string op, Expression operand) : Expression(Deeper(operand))
{
    public override object? Evaluate(Scope scope)
    {
        var value = operand.Evaluate(scope);
        return op switch
        {
            "not" => !ValueRules.IsTrue(value),
            "-" => Operators.Apply("-", 0L, value),
            _ => Operators.Apply("+", 0L, value),
        };
    }

    public override string Text => op == "not" ? $"not {operand.Text}" : $"{op}{operand.Text}";
}
