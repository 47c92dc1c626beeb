namespace Kite.Core.Expressions.Nodes;

/// <summary>An argument of a function, filter or test, positional or named (<c>timeZone='UTC'</c>).</summary>
internal sealed record Argument(string? Name, Expression Value);
