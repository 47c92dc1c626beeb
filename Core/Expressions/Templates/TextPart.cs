using System.Text;

namespace Kite.Core.Expressions.Templates;

internal sealed class TextPart(string text) : TemplatePart
{
    public string Text { get; set; } = text;

    public override void Render(StringBuilder output, Scope scope) => output.Append(Text);
}
