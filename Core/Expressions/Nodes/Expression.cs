namespace Kite.Core.Expressions.Nodes;

/// <summary>A parsed expression: the part inside <c>{{ }}</c> or after <c>{% if</c>.</summary>
internal abstract class Expression
{
    /// <summary>The value; an undefined variable is an error (Kestra is strict).</summary>
    public abstract object? Evaluate(Scope scope);

    /// <summary>The value, or <see cref="Undefined.Instance"/> for what does not exist; for <c>is defined</c>, <c>??</c> and <c>default</c>.</summary>
    public virtual object? TryEvaluate(Scope scope) => Evaluate(scope);

    /// <summary>The expression as written, for error messages.</summary>
    public abstract string Text { get; }
}
