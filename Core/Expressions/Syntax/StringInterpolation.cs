using Kite.Core.Expressions.Nodes;
using Parlot;
using Parlot.Fluent;

namespace Kite.Core.Expressions.Syntax;

/// <summary>Pebble's interpolation in double-quoted strings: <c>"Hello #{ inputs.name }!"</c> is <c>"Hello " ~ inputs.name ~ "!"</c>.</summary>
internal static class StringInterpolation
{
    private static readonly Parser<Expression> Whole = ExpressionGrammar.Expression.Eof();

    public static Expression Build(ParseContext context, string text)
    {
        var start = text.IndexOf("#{", StringComparison.Ordinal);
        if (start < 0)
        {
            return new Literal(text);
        }
        var parts = new List<Expression>();
        var position = 0;
        while (start >= 0)
        {
            if (start > position)
            {
                parts.Add(new Literal(text[position..start]));
            }
            var end = ClosingBrace(text, start + 2)
                ?? throw new ParseException("expected '}' to close '#{' in the string", context.Scanner.Cursor.Position);
            var inner = text[(start + 2)..end].Trim();
            // Parsed with the nesting of the string around it, so that interpolation inside interpolation still counts.
            var nested = new ExpressionParseContext(new Scanner(inner), (context as ExpressionParseContext)?.Nesting ?? 0);
            if (!Whole.TryParse(nested, out var expression, out var error) || expression is null)
            {
                throw new ParseException($"invalid expression in '#{{{inner}}}': {error?.Message ?? "expected an expression"}", context.Scanner.Cursor.Position);
            }
            parts.Add(expression);
            position = end + 1;
            start = text.IndexOf("#{", position, StringComparison.Ordinal);
        }
        if (position < text.Length)
        {
            parts.Add(new Literal(text[position..]));
        }
        return parts.Count == 1 ? new Binary("~", new Literal(""), parts[0]) : parts.Skip(1).Aggregate(parts[0], (left, right) => new Binary("~", left, right));
    }

    private static int? ClosingBrace(string text, int from)
    {
        var depth = 0;
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth-- == 0)
            {
                return i;
            }
        }
        return null;
    }
}
