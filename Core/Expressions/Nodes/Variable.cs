namespace Kite.Core.Expressions.Nodes;

/// <summary>A root variable: <c>inputs</c>, <c>outputs</c>, a loop variable...</summary>
internal sealed class Variable(string name) : Expression(1)
{
    public string Name { get; } = name;

    public override object? Evaluate(Scope scope) =>
        scope.TryGet(Name, out var value) ? value : throw new ExpressionException($"variable '{Name}' is not defined");

    public override object? TryEvaluate(Scope scope) => scope.TryGet(Name, out var value) ? value : Undefined.Instance;

    public override string Text => Name;
}
