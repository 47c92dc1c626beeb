namespace Kite.Core.Expressions;

/// <summary>A template is malformed; <see cref="Offset"/> (0-based), <see cref="Line"/> and <see cref="Column"/> (1-based) point inside the template text.</summary>
public sealed class ExpressionSyntaxException(string reason, int offset, int line, int column)
    : ExpressionException($"{reason} (line {line}, column {column} of the expression)")
{
    public string Reason { get; } = reason;

    public int Offset { get; } = offset;

    public int Line { get; } = line;

    public int Column { get; } = column;

    internal static ExpressionSyntaxException At(string text, int offset, string reason)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new ExpressionSyntaxException(reason, offset, line, offset - lineStart + 1);
    }
}
