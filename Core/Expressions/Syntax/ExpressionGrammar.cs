using System.Globalization;
using Kite.Core.Expressions.Library;
using Kite.Core.Expressions.Nodes;
using Parlot;
using Parlot.Fluent;
using static Parlot.Fluent.Parsers;

namespace Kite.Core.Expressions.Syntax;

/// <summary>
/// The Pebble expression grammar on Parlot, lowest precedence first: ternary, <c>??</c>/<c>???</c>, <c>or</c>, <c>and</c>,
/// <c>contains</c>, comparisons and <c>in</c>, <c>+ -</c>, <c>* / %</c>, then <c>~</c>, filters and <c>is</c> tests left to right,
/// then unary and member access; <c>..</c> (range) sits between comparisons and <c>+ -</c>. As in Pebble, <c>not</c> applies to everything up to the next <c>??</c> or <c>?</c>.
/// </summary>
internal static class ExpressionGrammar
{
    private static readonly HashSet<string> Keywords = ["true", "false", "null", "none", "and", "or", "not", "is", "in", "contains", "equals"];

    public static Parser<Expression> Expression { get; }

    public static Parser<TextSpan> Name { get; }

    static ExpressionGrammar()
    {
        var expression = Deferred<Expression>();
        var orLevel = Deferred<Expression>();

        var identifier = Terms.Identifier();
        Name = identifier.When((_, span) => !Keywords.Contains(span.ToString()));

        var number = Terms.Pattern(char.IsAsciiDigit)
            .And(ZeroOrOne(Literals.Char('.').SkipAnd(Literals.Pattern(char.IsAsciiDigit))))
            .Then<Expression>(x => x.Item2.Length == 0
                ? new Literal(long.Parse(x.Item1.Span, CultureInfo.InvariantCulture))
                : new Literal(double.Parse($"{x.Item1}.{x.Item2}", CultureInfo.InvariantCulture)));
        var text = OneOf(
            Terms.String(StringLiteralQuotes.Single).Then<Expression>(s => new Literal(s.ToString())),
            Terms.String(StringLiteralQuotes.Double).Then<Expression>((context, s) => StringInterpolation.Build(context, s.ToString())));
        var constant = OneOf(Word("true"), Word("false"), Word("null"), Word("none"))
            .Then<Expression>(w => new Literal(w switch { "true" => true, "false" => false, _ => null }));

        var argument = Name.AndSkip(Terms.Char('=').WhenNotFollowedBy(Literals.Char('='))).And(expression)
            .Then(x => new Argument(x.Item1.ToString(), x.Item2))
            .Or(expression.Then(e => new Argument(null, e)));
        var argumentList = Terms.Char('(')
            .SkipAnd(ZeroOrOne(Separated(Terms.Char(','), argument)))
            .AndSkip(Terms.Char(')').ElseError("expected ')' to close the arguments"))
            .Then(list => (IReadOnlyList<Argument>)(list ?? []));

        var list = Terms.Char('[')
            .SkipAnd(ZeroOrOne(Separated(Terms.Char(','), expression)))
            .AndSkip(Terms.Char(']').ElseError("expected ']' to close the list"))
            .Then<Expression>(items => new ListLiteral(items ?? []));
        var entry = expression.AndSkip(Terms.Char(':').ElseError("expected ':' in a map entry")).And(expression);
        var map = Terms.Char('{')
            .SkipAnd(ZeroOrOne(Separated(Terms.Char(','), entry)))
            .AndSkip(Terms.Char('}').ElseError("expected '}' to close the map"))
            .Then<Expression>(entries => new MapLiteral((entries ?? []).Select(e => (e.Item1, e.Item2)).ToList()));
        var group = Between(Terms.Char('('), expression, Terms.Char(')').ElseError("expected ')'"));
        var callOrVariable = Name.And(ZeroOrOne(argumentList))
            .Then<Expression>((context, x) => x.Item2 is null ? new Variable(x.Item1.ToString()) : MakeFunction(context, x.Item1.ToString(), x.Item2));

        var primary = OneOf(number, text, constant, list, map, group, callOrVariable);

        var attribute = Terms.Char('.').WhenNotFollowedBy(Literals.Char('.')).SkipAnd(OneOf(identifier, Terms.Pattern(char.IsAsciiDigit)).ElseError("expected a name after '.'"))
            .Then<Func<Expression, Expression>>(name => target => new Member(target, name.ToString(), null));
        var index = Terms.Char('[').SkipAnd(expression).AndSkip(Terms.Char(']').ElseError("expected ']'"))
            .Then<Func<Expression, Expression>>(key => target => new Member(target, null, key));
        var postfix = primary.And(ZeroOrMany(OneOf(attribute, index)))
            .Then(x => x.Item2.Aggregate(x.Item1, (target, apply) => apply(target)));

        var unary = Deferred<Expression>();
        unary.Parser = OneOf(
            Word("not").SkipAnd(new NestingLimit(orLevel)).Then<Expression>(e => new Unary("not", e)),
            Terms.Char('-').SkipAnd(new NestingLimit(unary)).Then<Expression>(e => e is Literal { Value: long l } ? new Literal(-l) : e is Literal { Value: double d } ? new Literal(-d) : new Unary("-", e)),
            Terms.Char('+').SkipAnd(new NestingLimit(unary)).Then<Expression>(e => new Unary("+", e)),
            postfix);

        var filterSuffix = Terms.Char('|').WhenNotFollowedBy(Literals.Char('|')).SkipAnd(identifier.ElseError("expected a filter name after '|'")).And(ZeroOrOne(argumentList))
            .Then<Func<Expression, Expression>>((context, x) => MakeFilter(context, x.Item1.ToString(), x.Item2 ?? []));
        var testSuffix = Word("is").SkipAnd(ZeroOrOne(Word("not"))).And(identifier.ElseError("expected a test name after 'is'")).And(ZeroOrOne(argumentList))
            .Then<Func<Expression, Expression>>((context, x) => MakeTest(context, x.Item2.ToString(), x.Item1 is not null, x.Item3 ?? []));
        var concatSuffix = Terms.Char('~').SkipAnd(unary)
            .Then<Func<Expression, Expression>>(right => left => new Binary("~", left, right));
        var piped = unary.And(ZeroOrMany(OneOf(concatSuffix, filterSuffix, testSuffix)))
            .Then(x => x.Item2.Aggregate(x.Item1, (target, apply) => apply(target)));

        var multiplicative = Parsers.LeftAssociative(piped,
            (Terms.Char('*'), (a, b) => new Binary("*", a, b)),
            (Terms.Char('/'), (a, b) => new Binary("/", a, b)),
            (Terms.Char('%').WhenNotFollowedBy(Literals.Char('}')), (a, b) => new Binary("%", a, b)));
        var additive = Parsers.LeftAssociative(multiplicative,
            (Terms.Char('+'), (a, b) => new Binary("+", a, b)),
            (Terms.Char('-').WhenNotFollowedBy(OneOf(Literals.Char('}'), Literals.Char('%'))), (a, b) => new Binary("-", a, b)));
        // Pebble's range operator: 1..3 is range(1, 3).
        var range = additive.And(ZeroOrOne(Terms.Text("..").SkipAnd(additive)))
            .Then(x => x.Item2 is null ? x.Item1 : new FunctionCall("range", [new Argument(null, x.Item1), new Argument(null, x.Item2)], Functions.All["range"]));
        var comparison = Parsers.LeftAssociative(range,
            (Terms.Text("=="), (a, b) => new Binary("==", a, b)),
            (Terms.Text("!="), (a, b) => new Binary("!=", a, b)),
            (Terms.Text("<="), (a, b) => new Binary("<=", a, b)),
            (Terms.Text(">="), (a, b) => new Binary(">=", a, b)),
            (Terms.Char('<').Then(c => c.ToString()), (a, b) => new Binary("<", a, b)),
            (Terms.Char('>').Then(c => c.ToString()), (a, b) => new Binary(">", a, b)),
            (Word("equals"), (a, b) => new Binary("equals", a, b)),
            (Word("not").SkipAnd(Word("in")), (a, b) => new Binary("not in", a, b)),
            (Word("in"), (a, b) => new Binary("in", a, b)));
        var contains = Parsers.LeftAssociative(comparison, (Word("contains"), (a, b) => new Binary("contains", a, b)));
        var and = Parsers.LeftAssociative(contains, (OneOf(Word("and"), Terms.Text("&&")), (a, b) => new Binary("and", a, b)));
        orLevel.Parser = Parsers.LeftAssociative(and, (OneOf(Word("or"), Terms.Text("||")), (a, b) => new Binary("or", a, b)));

        var coalesce = Parsers.LeftAssociative(orLevel,
            (Terms.Text("???"), (a, b) => new Coalesce(a, b, onlyUndefined: true)),
            (Terms.Text("??"), (a, b) => new Coalesce(a, b, onlyUndefined: false)));
        var ternary = coalesce.And(ZeroOrOne(
                Terms.Char('?').SkipAnd(expression).AndSkip(Terms.Char(':').ElseError("expected ':' in the ternary")).And(expression)))
            .Then(x => x.Item2.Item1 is null ? x.Item1 : new Conditional(x.Item1, x.Item2.Item1, x.Item2.Item2));
        // Every nested expression (in parentheses, brackets, arguments, ternaries) comes back through here, and unary operators
        // through their operand: the two places the grammar recurses, where the nesting is counted.
        expression.Parser = new NestingLimit(ternary);
        Expression = expression;
    }

    private static Parser<string> Word(string word) =>
        Terms.Text(word).WhenNotFollowedBy(Literals.Pattern(c => char.IsLetterOrDigit(c) || c == '_'));

    private static Expression MakeFunction(ParseContext context, string name, IReadOnlyList<Argument> arguments) =>
        Functions.All.TryGetValue(name, out var function)
            ? new FunctionCall(name, arguments, function)
            : throw new ParseException($"unknown function '{name}'", context.Scanner.Cursor.Position);

    private static Func<Expression, Expression> MakeFilter(ParseContext context, string name, IReadOnlyList<Argument> arguments) =>
        Filters.All.TryGetValue(name, out var filter)
            ? input => new FilterCall(input, name, arguments, filter, Filters.AcceptsUndefined(name))
            : throw new ParseException($"unknown filter '{name}'", context.Scanner.Cursor.Position);

    private static Func<Expression, Expression> MakeTest(ParseContext context, string name, bool negated, IReadOnlyList<Argument> arguments) =>
        Checks.All.TryGetValue(name, out var check)
            ? input => new TestCall(input, name, negated, arguments, check)
            : throw new ParseException($"unknown test '{name}'", context.Scanner.Cursor.Position);
}
