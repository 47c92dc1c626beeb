namespace Kite.Core.Expressions;

/// <summary>An expression could not be rendered: an undefined variable, a wrong operand, a failing function.</summary>
public class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
