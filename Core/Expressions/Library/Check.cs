namespace Kite.Core.Expressions.Library;

/// <summary>A test used as <c>value is name</c> (the input may be <see cref="Undefined.Instance"/>).</summary>
internal delegate bool Check(object? input, Arguments arguments);
