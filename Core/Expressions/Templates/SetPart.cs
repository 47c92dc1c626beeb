using System.Text;
using Kite.Core.Expressions.Nodes;

namespace Kite.Core.Expressions.Templates;

/// <summary><c>{% set name = expression %}</c>.</summary>
internal sealed class SetPart(string name, Expression value) : TemplatePart
{
    public override void Render(StringBuilder output, Scope scope) => scope.Set(name, value.Evaluate(scope));
}
