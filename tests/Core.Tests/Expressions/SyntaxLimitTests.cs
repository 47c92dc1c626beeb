using System.Text;
using Kite.Core.Expressions;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Expressions;

/// <summary>
/// Templates nested or chained past the syntax limits are a syntax error at the place they pass it, never a stack
/// overflow, which would end the process.
/// </summary>
public class SyntaxLimitTests
{
    private static ExpressionSyntaxException ParseFails(string template) =>
        Assert.Throws<ExpressionSyntaxException>(() => TemplateEngine.Parse(template));

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    [Fact]
    public void A_hundred_thousand_parentheses_are_a_syntax_error_at_the_65th_not_a_stack_overflow()
    {
        var error = ParseFails("{{ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }}");

        Assert.Equal("the expression is nested deeper than 64 levels (parentheses, brackets, calls, ternaries or unary operators)", error.Reason);
        Assert.Equal(3 + 65, error.Offset);
        Assert.Equal("1", TemplateEngine.Render("{{ " + new string('(', 64) + "1" + new string(')', 64) + " }}", RenderContext.Empty));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{'k': ", "}")]
    [InlineData("range(", ")")]
    [InlineData("inputs[", "]")]
    [InlineData("- ", "")]
    [InlineData("not ", "")]
    [InlineData("true ? 1 : ", "")]
    public void A_hundred_thousand_nested_brackets_calls_or_operators_are_a_syntax_error_not_a_stack_overflow(string open, string close)
    {
        var error = ParseFails("{{ " + Repeat(open, 100_000) + "1" + Repeat(close, 100_000) + " }}");

        Assert.Contains("nested deeper than 64 levels", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" | upper")]
    [InlineData(" + 1")]
    [InlineData(" ~ 'x'")]
    [InlineData(" and true")]
    [InlineData(".length")]
    [InlineData(" is defined")]
    public void A_chain_of_twenty_thousand_filters_or_operators_is_a_syntax_error_not_a_stack_overflow(string link)
    {
        var error = ParseFails("{{ 'x'" + Repeat(link, 20_000) + " }}");

        Assert.Equal("the expression is too deep: more than 256 operators, filters or calls inside one another", error.Reason);
        Assert.Equal(3, error.Offset);
    }

    [Fact]
    public void Nesting_and_chains_within_the_limits_render()
    {
        Assert.Equal("1", TemplateEngine.Render("{{ " + new string('(', 60) + "1" + new string(')', 60) + " }}", RenderContext.Empty));
        Assert.Equal("251", TemplateEngine.Render("{{ 1" + Repeat(" + 1", 250) + " }}", RenderContext.Empty));
        Assert.Equal("X", TemplateEngine.Render("{{ 'x'" + Repeat(" | upper", 250) + " }}", RenderContext.Empty));
    }

    [Fact]
    public void Interpolation_inside_a_string_counts_the_nesting_around_it()
    {
        var error = ParseFails("{{ " + new string('(', 40) + "\"#{ " + new string('(', 40) + "1" + new string(')', 40) + " }\"" + new string(')', 40) + " }}");

        Assert.Contains("nested deeper than 64 levels", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_thousand_nested_blocks_are_a_syntax_error_at_the_65th_not_a_stack_overflow()
    {
        var error = ParseFails(Repeat("{% if true %}", 100_000) + "x" + Repeat("{% endif %}", 100_000));

        Assert.Equal("{% if %} is nested deeper than 64 blocks", error.Reason);
        Assert.Equal(64 * "{% if true %}".Length, error.Offset);
        Assert.Equal("x", TemplateEngine.Render(Repeat("{% for i in [1] %}", 64) + "x" + Repeat("{% endfor %}", 64), RenderContext.Empty));
    }
}
