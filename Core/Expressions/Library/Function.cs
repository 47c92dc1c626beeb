namespace Kite.Core.Expressions.Library;

/// <summary>A function callable as <c>name(args)</c>.</summary>
internal delegate object? Function(Arguments arguments, Scope scope);
