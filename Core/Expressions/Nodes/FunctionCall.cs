using Kite.Core.Expressions.Library;

namespace Kite.Core.Expressions.Nodes;

/// <summary><c>name(args)</c>.</summary>
internal sealed class FunctionCall(string name, IReadOnlyList<Argument> arguments, Function function) : Call(name, arguments, Deeper(arguments))
{
    public override object? Evaluate(Scope scope) => Invoke(scope, () => function(EvaluateArguments(scope), scope));

    public override string Text => $"{Name}({string.Join(", ", ArgumentList.Select(a => a.Value.Text))})";
}
