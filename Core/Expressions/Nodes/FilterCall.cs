using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>input | name(args)</c>. <c>default</c> may see an undefined input; every other filter may not.</summary>
internal sealed class FilterCall(Expression input, string name, IReadOnlyList<Argument> arguments, Filter filter, bool acceptsUndefined)
    : Call(name, arguments, Deeper(arguments, input))
{
    public override object? Evaluate(Scope scope)
    {
        var value = acceptsUndefined ? input.TryEvaluate(scope) : input.Evaluate(scope);
        return Invoke(scope, () => filter(value, EvaluateArguments(scope), scope));
    }

    public override string Text => $"{input.Text} | {Name}{ArgumentText}";
}
