using Kite.Core.Values;

namespace Kite.Core.Expressions.Nodes;

internal sealed class Literal(object? value) : Expression(1)
{
    public object? Value { get; } = value;

    public override object? Evaluate(Scope scope) => Value;

    public override string Text => Value is string s ? $"'{s}'" : Value is null ? "null" : PlainValues.ToText(Value);
}
