using Kite.Core.Expressions;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Expressions;

/// <summary>Pebble syntax beyond the basics: the <c>..</c> range operator, <c>#{}</c> interpolation, the <c>yaml</c> filter.</summary>
public class SyntaxExtensionTests
{
    [Theory]
    [InlineData("{{ 1..3 }}", "[1,2,3]")]
    [InlineData("{% for i in 1..3 %}{{ i }}{% endfor %}", "123")]
    [InlineData("{{ (0..inputs.count) | join(',') }}", "0,1,2,3")]
    [InlineData("{{ 1..inputs.count - 1 }}", "[1,2]")]
    [InlineData("{{ 1.5 + 1 }}", "2.5")]
    [InlineData("{{ inputs.user.first }}", "Ada")]
    public void Range_operator_is_Pebble_range_with_both_ends_included(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Theory]
    [InlineData("{{ \"Hello #{inputs.name}!\" }}", "Hello Kite!")]
    [InlineData("{{ \"#{ inputs.user.first ~ '-' ~ (inputs.count + 1) }\" }}", "Ada-4")]
    [InlineData("{{ \"#{inputs.count}\" | length }}", "1")]
    [InlineData("{{ \"a #{ {'k': 'v'}.k } b\" }}", "a v b")]
    [InlineData("{{ 'single quotes keep #{inputs.name}' }}", "single quotes keep #{inputs.name}")]
    public void Double_quoted_strings_interpolate_hash_brace_expressions_as_in_Pebble(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Fact]
    public void Malformed_interpolation_is_a_syntax_error()
    {
        Assert.NotNull(TemplateEngine.Check("{{ \"#{ inputs.name \" }}"));
    }

    [Fact]
    public void Interpolated_expression_that_does_not_parse_is_a_syntax_error()
    {
        Assert.NotNull(TemplateEngine.Check("{{ \"#{ 1 + }\" }}"));
    }

    [Fact]
    public void Yaml_filter_writes_a_value_as_YAML()
    {
        Assert.Equal("first: Ada\nlast: Lovelace\n", Contexts.Render("{{ inputs.user | yaml }}").ReplaceLineEndings("\n"));
        Assert.Equal("- 3\n- 1\n- 2\n", Contexts.Render("{{ inputs.items | yaml }}").ReplaceLineEndings("\n"));
    }
}
