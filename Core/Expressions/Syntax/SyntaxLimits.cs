namespace Kite.Core.Expressions.Syntax;

/// <summary>
/// How deep a template may nest, so that parsing and rendering it cannot overflow the stack (a stack overflow ends the process,
/// it cannot be caught). Fixed rather than part of <see cref="RenderBudget"/>: a parsed template is cached and shared by every render.
/// </summary>
internal static class SyntaxLimits
{
    /// <summary>
    /// Parentheses, lists, maps, argument lists, subscripts, ternaries and unary operators inside one another. The parser
    /// recurses through every precedence level for each, a few kilobytes of stack a level.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>Nodes on the longest path of an expression tree: each operator, filter or test in a chain adds one.</summary>
    public const int MaxDepth = 256;

    /// <summary><c>{% if %}</c> and <c>{% for %}</c> blocks inside one another.</summary>
    public const int MaxBlockNesting = 64;
}
