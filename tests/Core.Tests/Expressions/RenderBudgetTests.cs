using System.Text;
using Kite.Core.Expressions;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Expressions;

/// <summary>
/// Expressions that recurse or allocate without bound fail their render with an <see cref="ExpressionException"/> naming
/// the limit, instead of a stack overflow (which ends the process) or filling memory.
/// </summary>
public class RenderBudgetTests
{
    private static RenderContext With(RenderBudget? budget = null, TimeProvider? time = null, params (string Name, object? Value)[] vars) =>
        new(new RenderVariables().Vars(vars.ToDictionary(v => v.Name, v => v.Value)).Build())
        {
            Budget = budget ?? RenderBudget.Default,
            Time = time ?? TimeProvider.System,
        };

    private static RenderContext WithVars(params (string Name, object? Value)[] vars) => With(null, null, vars);

    private static ExpressionException RenderFails(string template, RenderContext? context = null) =>
        Assert.ThrowsAny<ExpressionException>(() => TemplateEngine.Render(template, context ?? RenderContext.Empty));

    private static ExpressionSyntaxException ParseFails(string template) =>
        Assert.Throws<ExpressionSyntaxException>(() => TemplateEngine.Parse(template));

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    [Fact]
    public void The_default_budget_is_32_nested_renders_16M_characters_a_million_steps_and_10_seconds()
    {
        Assert.Equal(32, RenderBudget.Default.MaxRenderDepth);
        Assert.Equal(16 * 1024 * 1024, RenderBudget.Default.MaxLength);
        Assert.Equal(1_000_000, RenderBudget.Default.MaxSteps);
        Assert.Equal(TimeSpan.FromSeconds(10), RenderBudget.Default.Timeout);
        Assert.Same(RenderBudget.Default, RenderContext.Empty.Budget);
    }

    [Fact]
    public void An_expression_that_renders_itself_fails_with_the_render_depth_not_a_stack_overflow()
    {
        var error = RenderFails("{{ render(vars.a) }}", WithVars(("a", "{{ render(vars.a) }}")));

        Assert.Equal("render() nested deeper than 32 levels: an expression renders itself", error.Message);
    }

    [Fact]
    public void Two_variables_that_render_each_other_once_fail_with_the_render_depth()
    {
        var error = RenderFails("{{ renderOnce(vars.a) }}", WithVars(("a", "{{ renderOnce(vars.b) }}"), ("b", "{{ renderOnce(vars.a) }}")));

        Assert.Contains("renderOnce() nested deeper than 32 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_nested_as_deep_as_the_limit_still_renders_and_the_limit_can_be_set()
    {
        // v1 renders v2, which renders v3... v32 is plain text: 32 nested renders.
        var vars = Enumerable.Range(1, 31).Select(i => ($"v{i}", (object?)$"{{{{ render(vars.v{i + 1}) }}}}")).Append(("v32", "done")).ToArray();

        Assert.Equal("done", TemplateEngine.Render("{{ render(vars.v1) }}", WithVars(vars)));
        var error = RenderFails("{{ render(vars.v1) }}", With(RenderBudget.Default with { MaxRenderDepth = 3 }, null, vars));
        Assert.Equal("render() nested deeper than 3 levels: an expression renders itself", error.Message);
    }

    [Fact]
    public void Renders_that_branch_in_two_at_every_level_run_out_of_steps_before_the_depth_limit()
    {
        // Twenty levels of two renders each: a million renders, none deeper than 20.
        var vars = Enumerable.Range(1, 20).Select(i => ($"v{i}", (object?)$"{{{{ render(vars.v{i + 1}) ~ render(vars.v{i + 1}) }}}}")).Append(("v21", "x")).ToArray();

        var error = RenderFails("{{ render(vars.v1) }}", With(RenderBudget.Default with { MaxSteps = 5_000 }, null, vars));

        Assert.Equal("render() goes over the render's limit of 5000 steps (loop iterations, items built by range() and yaml(), render() calls)", error.Message);
    }

    [Fact]
    public void The_deepest_template_the_limits_allow_fails_cleanly_on_a_small_stack()
    {
        // Each of 32 nested renders inside 63 blocks, 62 parentheses and 250 filters: together the limits would overflow
        // a thread's stack, so the stack check fails the render first. A stack overflow here would end the test run.
        var vars = new Dictionary<string, object?>();
        for (var i = 1; i <= 32; i++)
        {
            var inner = i == 32 ? "'done'" : $"render(vars.v{i + 1})";
            vars[$"v{i}"] = Repeat("{% if true %}", 63) + "{{ " + Repeat("(", 62) + inner + Repeat(" | trim", 250) + Repeat(")", 62) + " }}" + Repeat("{% endif %}", 63);
        }
        var context = new RenderContext(new RenderVariables().Vars(vars).Build());
        Exception? error = null;
        var thread = new Thread(() => error = Record.Exception(() => TemplateEngine.Render("{{ render(vars.v1) }}", context)), 512 * 1024);

        thread.Start();
        thread.Join();

        Assert.Contains("too deeply for the thread's stack", Assert.IsAssignableFrom<ExpressionException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_of_a_hundred_million_items_fails_before_building_them()
    {
        var error = RenderFails("{{ range(1, 100000000) }}");

        Assert.Equal("range() goes over the render's limit of 1000000 steps (loop iterations, items built by range() and yaml(), render() calls)", error.Message);
    }

    [Fact]
    public void Range_near_the_largest_number_ends_instead_of_wrapping_around()
    {
        Assert.Equal("[9223372036854775806,9223372036854775807]", TemplateEngine.Render("{{ range(9223372036854775806, 9223372036854775807) }}", RenderContext.Empty));
        Assert.Equal("[3,1]", TemplateEngine.Render("{{ range(3, 0, -2) }}", RenderContext.Empty));
        Assert.Equal("[3]", TemplateEngine.Render("{{ range(3, 3, -1) }}", RenderContext.Empty));
    }

    [Fact]
    public void A_loop_of_ten_million_iterations_fails_at_once_on_its_steps()
    {
        var error = RenderFails("{% for i in range(1, 10000000) %}xxxxxxxxxx{% endfor %}");

        Assert.Contains("limit of 1000000 steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_loops_multiply_their_steps()
    {
        // 200 + 200 * (200 + 200) steps: each inner loop builds its range and runs it again in every outer iteration.
        var context = With(RenderBudget.Default with { MaxSteps = 80_000 });

        Assert.Equal("", TemplateEngine.Render("{% for i in range(1, 199) %}{% for j in range(1, 199) %}{% endfor %}{% endfor %}", context));
        Assert.StartsWith("range() goes over the render's limit of 80000 steps", RenderFails("{% for i in range(1, 200) %}{% for j in range(1, 200) %}{% endfor %}{% endfor %}", context).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_over_a_huge_string_fails_before_copying_its_characters()
    {
        var context = With(RenderBudget.Default with { MaxSteps = 1_000 }, null, ("s", new string('x', 5_000)));

        var error = RenderFails("{% for c in vars.s %}{{ c }}{% endfor %}", context);

        Assert.StartsWith("{% for %} goes over the render's limit of 1000 steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_longer_than_the_length_limit_fails_once_it_passes_it()
    {
        var context = With(RenderBudget.Default with { MaxLength = 1_000 });

        var error = RenderFails("{% for i in range(1, 1000) %}xxxxxxxxxx{% endfor %}", context);

        Assert.Equal("the rendered text would be 1010 characters long, more than the render's limit of 1000", error.Message);
    }

    [Fact]
    public void A_string_doubled_in_a_loop_fails_at_the_length_limit_not_out_of_memory()
    {
        var context = With(RenderBudget.Default with { MaxLength = 100_000 });

        var error = RenderFails("{% set s = 'x' %}{% for i in range(1, 40) %}{% set s = s ~ s %}{% endfor %}", context);

        Assert.Equal("the result of '~' would be 131072 characters long, more than the render's limit of 100000", error.Message);
    }

    [Fact]
    public void A_list_holding_itself_twice_fails_before_it_prints_longer_than_the_length_limit()
    {
        var context = With(RenderBudget.Default with { MaxLength = 100_000 });

        var error = RenderFails("{% set l = ['x'] %}{% for i in range(1, 40) %}{% set l = [l, l] %}{% if loop.last %}{{ l }}{% endif %}{% endfor %}", context);

        Assert.Equal("the list [l, l] would print longer than the render's limit of 100000 characters", error.Message);
    }

    [Fact]
    public void A_list_wrapped_in_itself_in_a_loop_fails_at_the_value_depth_not_a_stack_overflow()
    {
        var error = RenderFails("{% set l = [] %}{% for i in range(1, 100000) %}{% set l = [l] %}{% endfor %}");

        Assert.Equal("the list [l] would nest deeper than 128 levels", error.Message);
    }

    [Theory]
    [InlineData("{% set m = {} %}{% for i in range(1, 1000) %}{% set m = {'m': m} %}{% endfor %}", "the map {'m': m} would nest deeper than 128 levels")]
    [InlineData("{% set l = [1] %}{% for i in range(1, 1000) %}{% set l = l | chunk(1) %}{% endfor %}", "chunk would nest deeper than 128 levels")]
    [InlineData("{% set l = 1 %}{% for i in range(1, 1000) %}{% set l = l | jq('.') %}{% endfor %}", "jq would nest deeper than 128 levels")]
    [InlineData("{% set l = [[1]] %}{% for i in range(1, 100) %}{% set l = l | merge(l) %}{% endfor %}", "merge would print longer than the render's limit of 100000 characters")]
    public void Maps_chunks_jq_and_merge_built_in_a_loop_fail_at_the_value_limits(string template, string message)
    {
        Assert.Equal(message, RenderFails(template, With(RenderBudget.Default with { MaxLength = 100_000 })).Message);
    }

    [Theory]
    [InlineData("{{ 'a\nb' | indent(2000000000) }}", "the indentation would be 2000000000 characters long")]
    [InlineData("{{ 'a\nb' | nindent(10000000, '--') }}", "the indentation would be 20000000 characters long")]
    [InlineData("{{ vars.s | replace('x', vars.s) }}", "the result of replace would be 100000000 characters long")]
    [InlineData("{{ vars.s | replace({'x': vars.s}) }}", "the result of replace would be 100000000 characters long")]
    [InlineData("{{ [vars.s, vars.s, vars.s] | join(vars.s) }}", "the result of join would be 50000 characters long")]
    [InlineData("{{ nanoId(2000000000) }}", "nanoId() would be 2000000000 characters long")]
    public void Filters_and_functions_that_grow_a_string_fail_before_building_it(string template, string message)
    {
        var context = With(RenderBudget.Default with { MaxLength = template.Contains("join", StringComparison.Ordinal) ? 45_000 : RenderBudget.Default.MaxLength }, null, ("s", new string('x', 10_000)));

        Assert.StartsWith(message, RenderFails(template, context).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_whose_result_is_too_long_fails_with_its_text()
    {
        var context = With(RenderBudget.Default with { MaxLength = 1_000 }, null, ("s", new string('é', 600)));

        var error = RenderFails("{{ vars.s | urlencode }}", context);

        Assert.StartsWith("the result of 'vars.s | urlencode' would be 3600 characters long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_nested_a_hundred_thousand_levels_deep_fails_without_building_it()
    {
        var error = RenderFails("{{ yaml(vars.y) }}", WithVars(("y", new string('[', 100_000) + new string(']', 100_000))));

        Assert.Equal("yaml() would nest deeper than 128 levels", error.Message);
    }

    [Fact]
    public void Yaml_aliases_that_expand_a_billion_times_fail_on_their_steps()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var error = RenderFails("{{ yaml(vars.y) | length }}", WithVars(("y", yaml.ToString())));

        Assert.StartsWith("yaml() goes over the render's limit of 1000000 steps", error.Message, StringComparison.Ordinal);
        Assert.Equal("2", TemplateEngine.Render("{{ yaml(vars.y).b | length }}", WithVars(("y", "a: &a [1, 2]\nb: *a"))));
    }

    [Fact]
    public void FromJson_nested_a_hundred_thousand_levels_deep_fails_without_building_it()
    {
        Assert.Contains("depth", RenderFails("{{ fromJson(vars.j) }}", WithVars(("j", new string('[', 100_000) + new string(']', 100_000)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_that_runs_past_its_time_limit_fails_with_the_time_limit()
    {
        // A clock that moves a second every time it is read: the limit is reached after a few reads, whatever the machine.
        var context = With(RenderBudget.Default with { Timeout = TimeSpan.FromSeconds(5) }, new SteppingClock(TimeSpan.FromSeconds(1)));

        var error = RenderFails("{% for i in range(1, 1000) %}{% endfor %}", context);

        Assert.Equal("the render took longer than its time limit of 5 s", error.Message);
    }

    [Fact]
    public void A_list_looked_for_in_a_list_reads_the_clock_between_items()
    {
        var context = With(RenderBudget.Default with { Timeout = TimeSpan.FromSeconds(5) }, new SteppingClock(TimeSpan.FromSeconds(1)));

        var error = RenderFails("{{ range(1, 1000) contains range(1, 1000) }}", context);

        Assert.Equal("the render took longer than its time limit of 5 s", error.Message);
    }

    [Fact]
    public void A_timeout_of_zero_is_no_time_limit()
    {
        var context = With(RenderBudget.Default with { Timeout = TimeSpan.Zero }, new SteppingClock(TimeSpan.FromDays(1)));

        Assert.Equal("1000", TemplateEngine.Render("{% for i in range(1, 1000) %}{% if loop.last %}{{ i }}{% endif %}{% endfor %}", context));
    }

    [Fact]
    public void Everyday_templates_render_well_within_the_default_budget()
    {
        var context = WithVars(("rows", Enumerable.Range(1, 10_000).Select(i => (object?)new Dictionary<string, object?> { ["id"] = (long)i, ["name"] = $"row {i}" }).ToList()));

        var text = TemplateEngine.Render("{% for row in vars.rows %}{{ row.id }}: {{ row.name | upper }}{% if not loop.last %}, {% endif %}{% endfor %}", context);

        Assert.StartsWith("1: ROW 1, 2: ROW 2", text, StringComparison.Ordinal);
        Assert.Equal("[[1,2],[3,4]]", TemplateEngine.Render("{{ [1, 2, 3, 4] | chunk(2) }}", context));
        Assert.Equal("{\"a\":[1,2],\"b\":{\"c\":[3]}}", TemplateEngine.Render("{{ {'a': [1, 2], 'b': {'c': [3]}} }}", context));
    }
}
