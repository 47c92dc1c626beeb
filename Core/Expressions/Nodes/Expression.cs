namespace Kite.Core.Expressions.Nodes;

/// <summary>A parsed expression: the part inside <c>{{ }}</c> or after <c>{% if</c>.</summary>
/// <param name="depth">The number of nodes on the longest path down from this one, this one included.</param>
internal abstract class Expression(int depth)
{
    /// <summary>
    /// How deep the tree is under this node, this node included. Evaluating or printing a tree recurses once per level,
    /// so the parser refuses trees deeper than <see cref="Syntax.SyntaxLimits.MaxDepth"/>; kept on the node, it costs nothing to render.
    /// </summary>
    public int Depth { get; } = depth;

    /// <summary>The value; an undefined variable is an error (Kestra is strict).</summary>
    public abstract object? Evaluate(Scope scope);

    /// <summary>The value, or <see cref="Undefined.Instance"/> for what does not exist; for <c>is defined</c>, <c>??</c> and <c>default</c>.</summary>
    public virtual object? TryEvaluate(Scope scope) => Evaluate(scope);

    /// <summary>The expression as written, for error messages.</summary>
    public abstract string Text { get; }

    /// <summary>The depth of a node over these children.</summary>
    protected static int Deeper(params ReadOnlySpan<Expression?> children)
    {
        var deepest = 0;
        foreach (var child in children)
        {
            deepest = Math.Max(deepest, child?.Depth ?? 0);
        }
        return deepest + 1;
    }

    /// <summary>The depth of a call over its arguments (and the input of a filter or test).</summary>
    protected static int Deeper(IReadOnlyList<Argument> arguments, Expression? input = null) =>
        Math.Max(Deeper(input), arguments.Count == 0 ? 0 : arguments.Max(a => a.Value.Depth) + 1);
}
