using System.Text;

namespace Kite.Core.Expressions.Templates;

/// <summary>A piece of a template: literal text, an output, or a block.</summary>
internal abstract class TemplatePart
{
    public abstract void Render(StringBuilder output, Scope scope);
}
