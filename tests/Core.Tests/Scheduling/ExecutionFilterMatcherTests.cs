using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;

namespace Kite.Core.Tests.Scheduling;

/// <summary>The filters of a preconditions <c>where</c> entry, on one execution.</summary>
public class ExecutionFilterMatcherTests
{
    private static readonly TriggeringExecution Failed = new("e1", "company.team", "extract", 3, State.Failed,
        new Dictionary<string, string> { ["env"] = "prod" }, null);

    private static bool Matches(FilterField field, FilterType type, string? value = null, List<string>? values = null, RenderContext? context = null) =>
        ExecutionFilterMatcher.Matches(new FilterCondition { Field = field, Type = type, Value = value, Values = values }, Failed, context ?? RenderContext.Empty);

    [Fact]
    public void Text_comparisons_read_the_namespace_flow_and_state()
    {
        Assert.True(Matches(FilterField.Namespace, FilterType.EqualTo, "company.team"));
        Assert.False(Matches(FilterField.Namespace, FilterType.EqualTo, "company"));
        Assert.True(Matches(FilterField.Namespace, FilterType.NotEqualTo, "company"));
        Assert.True(Matches(FilterField.Namespace, FilterType.StartsWith, "company."));
        Assert.True(Matches(FilterField.FlowId, FilterType.EndsWith, "tract"));
        Assert.True(Matches(FilterField.FlowId, FilterType.Contains, "xtra"));
        Assert.True(Matches(FilterField.State, FilterType.EqualTo, "FAILED"));
        Assert.True(Matches(FilterField.State, FilterType.In, values: ["WARNING", "FAILED"]));
        Assert.False(Matches(FilterField.State, FilterType.NotIn, values: ["WARNING", "FAILED"]));
    }

    [Fact]
    public void Regex_must_match_the_whole_field()
    {
        Assert.True(Matches(FilterField.FlowId, FilterType.Regex, "ex.*"));
        Assert.False(Matches(FilterField.FlowId, FilterType.Regex, "tra"));
    }

    [Fact]
    public void Label_filters_read_key_colon_value_and_null_when_the_key_is_absent()
    {
        Assert.True(Matches(FilterField.Label, FilterType.EqualTo, "env:prod"));
        Assert.False(Matches(FilterField.Label, FilterType.EqualTo, "env:dev"));
        Assert.True(Matches(FilterField.Label, FilterType.IsNotNull, "env"));
        Assert.True(Matches(FilterField.Label, FilterType.IsNull, "team"));
    }

    [Fact]
    public void Expression_filters_render_against_the_trigger_variables_and_test_truthiness()
    {
        var context = new RenderContext(new RenderVariables().Trigger(new Dictionary<string, object?> { ["flowId"] = "extract" }).Build());
        Assert.True(Matches(FilterField.Expression, FilterType.IsTrue, "{{ trigger.flowId == 'extract' }}", context: context));
        Assert.True(Matches(FilterField.Expression, FilterType.IsFalse, "{{ trigger.flowId == 'load' }}", context: context));
    }

    [Fact]
    public void Operand_OR_needs_one_filter_and_AND_by_default_needs_all()
    {
        List<FilterCondition> filters =
        [
            new() { Field = FilterField.FlowId, Type = FilterType.EqualTo, Value = "load" },
            new() { Field = FilterField.State, Type = FilterType.EqualTo, Value = "FAILED" },
        ];
        Assert.False(ExecutionFilterMatcher.Matches(new PreconditionFilter { Id = "w", Filters = filters }, Failed, RenderContext.Empty));
        Assert.True(ExecutionFilterMatcher.Matches(new PreconditionFilter { Id = "w", Operand = FilterOperand.Or, Filters = filters }, Failed, RenderContext.Empty));
    }

    [Fact]
    public void Where_filters_read_from_yaml_with_Kestra_type_names()
    {
        var document = Kite.Core.Flows.FlowReader.ReadOne("""
            id: f
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: t
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: p
                  where:
                    - id: failures
                      filters:
                        - field: STATE
                          type: IN
                          values: [FAILED, WARNING]
                        - field: LABEL
                          type: EQUAL_TO
                          value: "env:prod"
            """);
        Assert.Empty(document.Violations);
        var filters = Assert.Single(((FlowTrigger)document.Flow!.Triggers![0]).Preconditions!.Where!).Filters;
        Assert.Equal((FilterField.State, FilterType.In), (filters[0].Field!.Value, filters[0].Type!.Value));
        Assert.Equal(["FAILED", "WARNING"], filters[0].Values!);
        Assert.Equal(FilterField.Label, filters[1].Field);
    }
}
