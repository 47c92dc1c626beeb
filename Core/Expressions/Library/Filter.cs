namespace Kite.Core.Expressions.Library;

/// <summary>A filter applied as <c>input | name(args)</c>.</summary>
internal delegate object? Filter(object? input, Arguments arguments, Scope scope);
