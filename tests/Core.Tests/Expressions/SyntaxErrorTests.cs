using Kite.Core.Expressions;

namespace Kite.Core.Tests.Expressions;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("{{ inputs.a + }}", 1, 13)]
    [InlineData("{{ inputs.a ", 1, 13)]
    [InlineData("{{ }}", 1, 4)]
    [InlineData("x {{ inputs.a inputs.b }}", 1, 15)]
    [InlineData("{{ foo( }}", 1, 9)]
    [InlineData("{{ [1, 2 }}", 1, 10)]
    [InlineData("{% if true %}never closed", 1, 1)]
    [InlineData("{% endif %}", 1, 1)]
    [InlineData("{% for x inputs.items %}{% endfor %}", 1, 10)]
    [InlineData("line one\n{{ 1 +* 2 }}", 2, 6)]
    [InlineData("{# never closed", 1, 1)]
    [InlineData("{% unknown %}", 1, 4)]
    public void Malformed_template_reports_line_and_column_inside_the_text(string template, int line, int column)
    {
        var error = TemplateEngine.Check(template);

        Assert.NotNull(error);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("{{ inputs.a | nosuchfilter }}", "unknown filter 'nosuchfilter'")]
    [InlineData("{{ nosuchfunction() }}", "unknown function 'nosuchfunction'")]
    [InlineData("{{ inputs.a is nosuchtest }}", "unknown test 'nosuchtest'")]
    public void Unknown_filter_function_or_test_is_a_syntax_error_naming_it(string template, string reason)
    {
        var error = TemplateEngine.Check(template);

        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("{{ inputs.a }}")]
    [InlineData("{{ outputs['task-1'].value | default('') }}")]
    [InlineData("{%- if a -%}x{%- endif -%}")]
    [InlineData("{{ a ? b : c ?? d }}")]
    public void Well_formed_template_has_no_error(string template) => Assert.Null(TemplateEngine.Check(template));
}
