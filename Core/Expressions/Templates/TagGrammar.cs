using Kite.Core.Expressions.Syntax;
using Parlot.Fluent;
using static Parlot.Fluent.Parsers;

namespace Kite.Core.Expressions.Templates;

/// <summary>The statements allowed in <c>{% %}</c>: if, elseif, else, endif, for, endfor, set, raw, endraw.</summary>
internal static class TagGrammar
{
    public static Parser<Tag> Tag { get; }

    static TagGrammar()
    {
        var expression = ExpressionGrammar.Expression;
        var name = ExpressionGrammar.Name;
        Tag = OneOf(
            Word("if").SkipAnd(expression.ElseError("expected a condition after 'if'")).Then(e => new Tag("if", e)),
            Word("elseif").SkipAnd(expression.ElseError("expected a condition after 'elseif'")).Then(e => new Tag("elseif", e)),
            Word("else").Then(_ => new Tag("else")),
            Word("endif").Then(_ => new Tag("endif")),
            Word("for").SkipAnd(name.ElseError("expected a variable name after 'for'"))
                .And(ZeroOrOne(Terms.Char(',').SkipAnd(name)))
                .AndSkip(Word("in").ElseError("expected 'in' in the for tag"))
                .And(expression.ElseError("expected what to loop over after 'in'"))
                .Then(x => new Tag("for", x.Item3, x.Item1.ToString(), x.Item2.Length == 0 ? null : x.Item2.ToString())),
            Word("endfor").Then(_ => new Tag("endfor")),
            Word("set").SkipAnd(name.ElseError("expected a variable name after 'set'"))
                .AndSkip(Terms.Char('=').ElseError("expected '=' in the set tag"))
                .And(expression.ElseError("expected a value after '='"))
                .Then(x => new Tag("set", x.Item2, x.Item1.ToString())),
            Word("raw").Then(_ => new Tag("raw")),
            Word("endraw").Then(_ => new Tag("endraw")));
    }

    private static Parser<string> Word(string word) =>
        Terms.Text(word).WhenNotFollowedBy(Literals.Pattern(c => char.IsLetterOrDigit(c) || c == '_'));
}
