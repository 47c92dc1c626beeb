using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>value is [not] name(args)</c>.</summary>
internal sealed class TestCall(Expression input, string name, bool negated, IReadOnlyList<Argument> arguments, Check check)
    : Call(name, arguments, Deeper(arguments, input))
{
    public override object? Evaluate(Scope scope)
    {
        var value = Name is "defined" or "null" ? input.TryEvaluate(scope) : input.Evaluate(scope);
        var result = check(value, EvaluateArguments(scope));
        return negated ? !result : result;
    }

    public override string Text => $"{input.Text} is {(negated ? "not " : "")}{Name}{ArgumentText}";
}
