using System.Text.RegularExpressions;
using Kite.Core.Expressions.Nodes;
using Kite.Core.Expressions.Syntax;
using Parlot;
using Parlot.Fluent;

namespace Kite.Core.Expressions.Templates;

/// <summary>
/// Splits a template into text, <c>{{ }}</c>, <c>{% %}</c> and <c>{# #}</c>, parses what is inside with the Parlot grammars,
/// applies <c>{{-</c>/<c>-}}</c> whitespace control and assembles the blocks.
/// </summary>
internal static partial class TemplateParser
{
    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}")]
    private static partial Regex EndRaw();

    private sealed record Frame(TemplatePart Block, List<TemplatePart> Body, int Offset);

    public static Template Parse(string text)
    {
        var root = new List<TemplatePart>();
        var stack = new Stack<Frame>();
        var current = root;
        var position = 0;
        var trimNext = false;
        while (position < text.Length)
        {
            var open = FindOpening(text, position);
            AddText(current, text[position..(open < 0 ? text.Length : open)], trimNext);
            trimNext = false;
            if (open < 0)
            {
                break;
            }
            var kind = text[open + 1];
            var inside = open + 2;
            if (inside < text.Length && text[inside] == '-')
            {
                inside++;
                TrimEnd(current);
            }
            if (kind == '#')
            {
                var close = text.IndexOf("#}", inside, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw ExpressionSyntaxException.At(text, open, "the comment '{#' is never closed by '#}'");
                }
                trimNext = text[close - 1] == '-';
                position = close + 2;
                continue;
            }
            var context = new ExpressionParseContext(new Scanner(text));
            context.Scanner.Cursor.ResetPosition(new TextPosition(inside, 0, 0));
            if (kind == '{')
            {
                var expression = ParseWith(ExpressionGrammar.Expression, context, text, inside, "expected an expression after '{{'");
                (position, trimNext) = Close(text, context, "}}");
                current.Add(new OutputPart(expression));
                continue;
            }
            var tag = ParseWith(TagGrammar.Tag, context, text, inside, "expected if, elseif, else, endif, for, endfor, set or raw after '{%'");
            (position, trimNext) = Close(text, context, "%}");
            if (tag.Keyword == "raw")
            {
                var end = EndRaw().Match(text, position);
                if (!end.Success)
                {
                    throw ExpressionSyntaxException.At(text, open, "{% raw %} is never closed by {% endraw %}");
                }
                AddText(current, text[position..end.Index], trimNext);
                trimNext = end.Value.EndsWith("-%}", StringComparison.Ordinal);
                position = end.Index + end.Length;
                continue;
            }
            current = Assemble(tag, current, stack, root, text, open);
        }
        if (stack.Count > 0)
        {
            var open = stack.Peek();
            var name = open.Block is IfPart ? "if" : "for";
            throw ExpressionSyntaxException.At(text, open.Offset, $"{{% {name} %}} is never closed by {{% end{name} %}}");
        }
        return new Template(text, root);
    }

    private static List<TemplatePart> Assemble(Tag tag, List<TemplatePart> current, Stack<Frame> stack, List<TemplatePart> root, string text, int offset)
    {
        switch (tag.Keyword)
        {
            case "if" or "for" when stack.Count >= SyntaxLimits.MaxBlockNesting:
                throw ExpressionSyntaxException.At(text, offset, $"{{% {tag.Keyword} %}} is nested deeper than {SyntaxLimits.MaxBlockNesting} blocks");
            case "if":
                var ifPart = new IfPart();
                current.Add(ifPart);
                var body = new List<TemplatePart>();
                ifPart.Branches.Add((tag.Expression!, body));
                stack.Push(new Frame(ifPart, body, offset));
                return body;
            case "elseif" when stack.TryPeek(out var top) && top.Block is IfPart { Else: null } open:
                var branch = new List<TemplatePart>();
                open.Branches.Add((tag.Expression!, branch));
                return branch;
            case "else" when stack.TryPeek(out var top) && top.Block is IfPart { Else: null } open:
                return open.Else = [];
            case "else" when stack.TryPeek(out var top) && top.Block is ForPart { Else: null } open:
                return open.Else = [];
            case "endif" when stack.TryPeek(out var top) && top.Block is IfPart:
            case "endfor" when stack.TryPeek(out var top2) && top2.Block is ForPart:
                stack.Pop();
                return stack.TryPeek(out var parent) ? CurrentBody(parent) : root;
            case "for":
                var forPart = new ForPart(tag.Name!, tag.Second, tag.Expression!);
                current.Add(forPart);
                stack.Push(new Frame(forPart, forPart.Body, offset));
                return forPart.Body;
            case "set":
                current.Add(new SetPart(tag.Name!, tag.Expression!));
                return current;
            default:
                throw ExpressionSyntaxException.At(text, offset, $"{{% {tag.Keyword} %}} has no matching opening tag");
        }
    }

    // After a block closes, rendering continues in the enclosing block's latest branch.
    private static List<TemplatePart> CurrentBody(Frame frame) => frame.Block switch
    {
        IfPart i => i.Else ?? i.Branches[^1].Body,
        ForPart f => f.Else ?? f.Body,
        _ => frame.Body,
    };

    private static T ParseWith<T>(Parser<T> parser, ParseContext context, string text, int offset, string expected)
    {
        var result = new ParseResult<T>();
        try
        {
            if (!parser.Parse(context, ref result))
            {
                throw ExpressionSyntaxException.At(text, SkipSpaces(text, offset), expected);
            }
        }
        catch (ParseException e)
        {
            throw ExpressionSyntaxException.At(text, SkipSpaces(text, e.Position.Offset), e.Message);
        }
        return result.Value;
    }

    private static (int Position, bool TrimNext) Close(string text, ParseContext context, string closing)
    {
        var at = SkipSpaces(text, context.Scanner.Cursor.Offset);
        if (string.CompareOrdinal(text, at, "-" + closing, 0, closing.Length + 1) == 0)
        {
            return (at + closing.Length + 1, true);
        }
        if (string.CompareOrdinal(text, at, closing, 0, closing.Length) == 0)
        {
            return (at + closing.Length, false);
        }
        var found = at >= text.Length ? "the end of the text" : $"'{text[at]}'";
        throw ExpressionSyntaxException.At(text, at, $"unexpected {found}, expected '{closing}'");
    }

    private static int SkipSpaces(string text, int offset)
    {
        while (offset < text.Length && char.IsWhiteSpace(text[offset]))
        {
            offset++;
        }
        return offset;
    }

    private static int FindOpening(string text, int from)
    {
        for (var i = text.IndexOf('{', from); i >= 0 && i + 1 < text.Length; i = text.IndexOf('{', i + 1))
        {
            if (text[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }
        return -1;
    }

    private static void AddText(List<TemplatePart> parts, string text, bool trimStart)
    {
        if (trimStart)
        {
            text = text.TrimStart();
        }
        if (text.Length > 0)
        {
            parts.Add(new TextPart(text));
        }
    }

    private static void TrimEnd(List<TemplatePart> parts)
    {
        if (parts.Count > 0 && parts[^1] is TextPart text)
        {
            text.Text = text.Text.TrimEnd();
            if (text.Text.Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }
    }
}
