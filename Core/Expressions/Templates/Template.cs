using System.Text;
using Kite.Core.Expressions.Nodes;

namespace Kite.Core.Expressions.Templates;

/// <summary>A parsed template: text with <c>{{ }}</c> outputs and <c>{% %}</c> blocks, ready to render any number of times.</summary>
public sealed class Template
{
    internal Template(string source, List<TemplatePart> parts)
    {
        Source = source;
        Parts = parts;
        if (parts is [OutputPart single])
        {
            SingleExpression = single.Expression;
        }
    }

    public string Source { get; }

    internal List<TemplatePart> Parts { get; }

    /// <summary>Set when the whole template is one <c>{{ expression }}</c>, whose value can then be kept typed.</summary>
    internal Expression? SingleExpression { get; }

    public string Render(RenderContext context) => Render(new Scope(context));

    /// <summary>
    /// The typed value when the template is exactly one <c>{{ expression }}</c> (a list stays a list),
    /// else the rendered string.
    /// </summary>
    public object? Evaluate(RenderContext context) =>
        SingleExpression is not null ? SingleExpression.Evaluate(new Scope(context)) : Render(context);

    internal string Render(Scope scope)
    {
        if (Parts is [TextPart only])
        {
            return only.Text;
        }
        var output = new StringBuilder();
        RenderParts(Parts, output, scope);
        return output.ToString();
    }

    /// <summary>Renders inside another render (<c>render()</c>, <c>renderOnce()</c>): one level deeper, with the same budget.</summary>
    internal string RenderNested(Scope scope, string function)
    {
        scope.Meter.EnterRender(function);
        try
        {
            return Render(scope);
        }
        finally
        {
            scope.Meter.LeaveRender();
        }
    }

    internal static void RenderParts(List<TemplatePart> parts, StringBuilder output, Scope scope)
    {
        RenderMeter.CheckStack("the template's blocks are");
        foreach (var part in parts)
        {
            part.Render(output, scope);
            scope.Meter.CheckLength(output.Length, "the rendered text");
        }
    }
}
