using System.Text;
using Kite.Core.Expressions.Nodes;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Templates;

/// <summary><c>{{ expression }}</c>.</summary>
internal sealed class OutputPart(Expression expression) : TemplatePart
{
    public Expression Expression { get; } = expression;

    public override void Render(StringBuilder output, Scope scope) => output.Append(PlainValues.ToText(Expression.Evaluate(scope)));
}
