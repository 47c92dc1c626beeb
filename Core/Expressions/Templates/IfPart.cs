using System.Text;
using Kite.Core.Expressions.Library;
using Kite.Core.Expressions.Nodes;

namespace Kite.Core.Expressions.Templates;

/// <summary><c>{% if %} ... {% elseif %} ... {% else %} ... {% endif %}</c>.</summary>
internal sealed class IfPart : TemplatePart
{
    public List<(Expression Condition, List<TemplatePart> Body)> Branches { get; } = [];

    public List<TemplatePart>? Else { get; set; }

    public override void Render(StringBuilder output, Scope scope)
    {
        foreach (var (condition, body) in Branches)
        {
            if (ValueRules.IsTrue(condition.Evaluate(scope)))
            {
                Template.RenderParts(body, output, scope);
                return;
            }
        }
        if (Else is not null)
        {
            Template.RenderParts(Else, output, scope);
        }
    }
}
