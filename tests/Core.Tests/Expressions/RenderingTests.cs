using Kite.Core.Expressions;

namespace Kite.Core.Tests.Expressions;

public class RenderingTests
{
    [Theory]
    [InlineData("Hello {{ inputs.name }}!", "Hello Kite!")]
    [InlineData("{{inputs.name}}", "Kite")]
    [InlineData("{{ inputs.user.first }} {{ inputs.user['last'] }}", "Ada Lovelace")]
    [InlineData("{{ inputs.items[0] }}", "3")]
    [InlineData("{{ outputs['hello-task'].value }}", "hi")]
    [InlineData("{{ vars.env }}", "prod")]
    [InlineData("{{ flow.id }}/{{ flow.namespace }}/{{ flow.revision }}", "my-flow/company.team/2")]
    [InlineData("{{ execution.id }} {{ execution.state }}", "exec1 RUNNING")]
    [InlineData("{{ task.id }} {{ task.type }}", "t1 io.kestra.plugin.core.log.Log")]
    [InlineData("{{ taskrun.value }}-{{ taskrun.iteration }}-{{ taskrun.attemptsCount }}", "1-0-1")]
    [InlineData("{{ taskrun.startDate }}", "2025-03-14T09:26:53Z")]
    [InlineData("{{ parent.taskrun.value }} {{ parents[0].taskrun.value }}", "x x")]
    [InlineData("{{ tasks.t0.state }}", "SUCCESS")]
    [InlineData("no expression at all", "no expression at all")]
    public void Variables_render_from_the_context(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Theory]
    [InlineData("{{ 1 + 2 }}", "3")]
    [InlineData("{{ 7 - 10 }}", "-3")]
    [InlineData("{{ 6 * 7 }}", "42")]
    [InlineData("{{ 7 / 2 }}", "3")]
    [InlineData("{{ 7 / 2.0 }}", "3.5")]
    [InlineData("{{ 7 % 3 }}", "1")]
    [InlineData("{{ 2 + 3 * 4 }}", "14")]
    [InlineData("{{ (2 + 3) * 4 }}", "20")]
    [InlineData("{{ inputs.count * inputs.ratio }}", "1.5")]
    [InlineData("{{ -inputs.count }}", "-3")]
    public void Arithmetic_follows_Pebble_integer_and_float_rules(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Theory]
    [InlineData("{{ 1 == 1 }}", "true")]
    [InlineData("{{ 1 == 1.0 }}", "true")]
    [InlineData("{{ 'a' != 'b' }}", "true")]
    [InlineData("{{ 2 < 3 }}", "true")]
    [InlineData("{{ 3 <= 2 }}", "false")]
    [InlineData("{{ 3 > 2 and 1 > 2 }}", "false")]
    [InlineData("{{ 3 > 2 or 1 > 2 }}", "true")]
    [InlineData("{{ not inputs.flag }}", "false")]
    [InlineData("{{ not 1 > 2 }}", "true")]
    [InlineData("{{ inputs.name equals 'Kite' }}", "true")]
    [InlineData("{{ 2 in inputs.items }}", "true")]
    [InlineData("{{ 5 in inputs.items }}", "false")]
    [InlineData("{{ 5 not in inputs.items }}", "true")]
    [InlineData("{{ inputs.items contains 1 }}", "true")]
    [InlineData("{{ inputs.name contains 'it' }}", "true")]
    [InlineData("{{ inputs.user contains 'first' }}", "true")]
    public void Comparisons_and_logic_give_booleans(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Theory]
    [InlineData("{{ 'a' ~ 'b' ~ 1 }}", "ab1")]
    [InlineData("{{ inputs.flag ? 'yes' : 'no' }}", "yes")]
    [InlineData("{{ inputs.count > 5 ? 'big' : 'small' }}", "small")]
    [InlineData("{{ inputs.missing ?? 'fallback' }}", "fallback")]
    [InlineData("{{ inputs.nothing ?? 'fallback' }}", "fallback")]
    [InlineData("{{ inputs.name ?? 'fallback' }}", "Kite")]
    [InlineData("{{ inputs.nothing ??? 'fallback' }}", "")]
    [InlineData("{{ inputs.missing ??? 'fallback' }}", "fallback")]
    [InlineData("{{ inputs.missing.deeper ?? 'x' }}", "x")]
    [InlineData("{{ inputs.missing is defined }}", "false")]
    [InlineData("{{ inputs.name is defined }}", "true")]
    [InlineData("{{ inputs.missing is not defined }}", "true")]
    [InlineData("{{ inputs.nothing is null }}", "true")]
    [InlineData("{{ inputs.empty is empty }}", "true")]
    [InlineData("{{ 4 is even }}", "true")]
    [InlineData("{{ 3 is odd }}", "true")]
    [InlineData("{{ inputs.items is iterable }}", "true")]
    [InlineData("{{ inputs.user is map }}", "true")]
    [InlineData("{{ inputs.json is json }}", "true")]
    [InlineData("{{ [1, 'two', true] }}", "[1,\"two\",true]")]
    [InlineData("{{ {'k': 1} }}", "{\"k\":1}")]
    [InlineData("{{ inputs.user }}", "{\"first\":\"Ada\",\"last\":\"Lovelace\"}")]
    public void Operators_concatenate_choose_and_coalesce(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Theory]
    [InlineData("{% if inputs.flag %}on{% else %}off{% endif %}", "on")]
    [InlineData("{% if inputs.count > 5 %}big{% elseif inputs.count > 2 %}mid{% else %}small{% endif %}", "mid")]
    [InlineData("{% for i in inputs.items %}{{ i }}{% endfor %}", "312")]
    [InlineData("{% for i in range(1, 3) %}{{ loop.index }}:{{ i }}{% if not loop.last %},{% endif %}{% endfor %}", "0:1,1:2,2:3")]
    [InlineData("{% for k, v in inputs.user %}{{ k }}={{ v }};{% endfor %}", "first=Ada;last=Lovelace;")]
    [InlineData("{% for i in [] %}x{% else %}none{% endfor %}", "none")]
    [InlineData("{% set greeting = 'hi ' ~ inputs.name %}{{ greeting }}", "hi Kite")]
    [InlineData("a  {{- inputs.name -}}  b", "aKiteb")]
    [InlineData("a\n  {%- if true -%}\n  x\n  {%- endif -%}\n b", "axb")]
    [InlineData("a{# a comment #}b", "ab")]
    [InlineData("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}")]
    [InlineData("{% for i in [1,2] %}{% for j in [3,4] %}{{ i }}{{ j }} {% endfor %}{% endfor %}", "13 14 23 24 ")]
    public void Blocks_loop_branch_and_control_whitespace(string template, string expected) =>
        Assert.Equal(expected, Contexts.Render(template));

    [Fact]
    public void Undefined_variable_is_an_error_as_in_Kestra_strict_mode()
    {
        var error = Assert.Throws<ExpressionException>(() => Contexts.Render("{{ inputs.missing }}"));

        Assert.Contains("inputs.missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_root_variable_is_an_error_naming_it()
    {
        var error = Assert.Throws<ExpressionException>(() => Contexts.Render("{{ ko }}"));

        Assert.Contains("'ko'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_string_to_a_number_is_an_error_pointing_to_tilde()
    {
        var error = Assert.Throws<ExpressionException>(() => Contexts.Render("{{ inputs.name + 1 }}"));

        Assert.Contains("'~'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_expression_evaluates_to_a_typed_value()
    {
        var value = TemplateEngine.Evaluate("{{ range(1, 3) }}", Contexts.Standard());

        Assert.Equal(new List<object?> { 1L, 2L, 3L }, value);
    }

    [Fact]
    public void Parsed_template_is_cached_by_its_text()
    {
        var first = TemplateEngine.Parse("{{ inputs.name }} cached");
        var second = TemplateEngine.Parse("{{ inputs.name }} cached");

        Assert.Same(first, second);
    }
}
