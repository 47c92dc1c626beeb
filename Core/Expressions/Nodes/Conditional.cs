using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>condition ? a : b</c>.</summary>
internal sealed class Conditional(Expression condition, Expression whenTrue, Expression whenFalse) : Expression(Deeper(condition, whenTrue, whenFalse))
{
    public override object? Evaluate(Scope scope) =>
        ValueRules.IsTrue(condition.Evaluate(scope)) ? whenTrue.Evaluate(scope) : whenFalse.Evaluate(scope);

    public override string Text => $"{condition.Text} ? {whenTrue.Text} : {whenFalse.Text}";
}
