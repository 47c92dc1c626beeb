using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;

namespace Kite.Scheduler.Tests.Unit;

public sealed class ConditionTests
{
    private static RenderContext On(string date) =>
        new(new RenderVariables().Trigger(new Dictionary<string, object?> { ["date"] = date }).Build());

    [Fact]
    public void DayWeek_and_Weekend_read_the_day_in_the_schedule_zone()
    {
        // Saturday 00:30 in Paris is still Friday in UTC.
        var context = On("2026-11-28T00:30:00+01:00");
        Assert.True(ConditionEvaluator.Holds(new DayWeek { DayOfWeek = DayOfWeek.Saturday }, context));
        Assert.True(ConditionEvaluator.Holds(new Weekend(), context));
        Assert.False(ConditionEvaluator.Holds(new Weekend(), On("2026-11-27T23:30:00+01:00")));
    }

    [Fact]
    public void DateTimeBetween_bounds_are_exclusive_and_optional()
    {
        var after = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ConditionEvaluator.Holds(new DateTimeBetween { After = after }, On("2026-11-23T00:00:00Z")));
        Assert.False(ConditionEvaluator.Holds(new DateTimeBetween { Before = after }, On("2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void Expression_condition_renders_against_the_trigger_variables()
    {
        Assert.True(ConditionEvaluator.Holds(new ExpressionCondition { Expression = "{{ trigger.date | startsWith('2026-11') }}" }, On("2026-11-23T00:00:00Z")));
        Assert.False(ConditionEvaluator.Holds(new ExpressionCondition { Expression = "{{ trigger.date | startsWith('2025') }}" }, On("2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void Execution_conditions_match_status_flow_namespace_and_labels()
    {
        var execution = new TriggeringExecution("e1", "company.team", "upstream", 1, State.Failed,
            new Dictionary<string, string> { ["env"] = "prod" }, null);
        var context = RenderContext.Empty;
        Assert.True(ConditionEvaluator.Holds(new ExecutionStatus { In = [State.Failed] }, context, execution));
        Assert.False(ConditionEvaluator.Holds(new ExecutionStatus { NotIn = [State.Failed] }, context, execution));
        Assert.True(ConditionEvaluator.Holds(new ExecutionFlow { Namespace = "company.team", FlowId = "upstream" }, context, execution));
        Assert.True(ConditionEvaluator.Holds(new ExecutionNamespace { Namespace = "company", Comparison = NamespaceComparison.Prefix }, context, execution));
        Assert.False(ConditionEvaluator.Holds(new ExecutionNamespace { Namespace = "company" }, context, execution));
        Assert.True(ConditionEvaluator.Holds(new ExecutionLabels { Labels = [new Label("env", "prod")] }, context, execution));
        Assert.False(ConditionEvaluator.Holds(new ExecutionLabels { Labels = [new Label("env", "dev")] }, context, execution));
    }

    [Fact]
    public void Flow_trigger_without_states_reacts_to_terminated_and_paused_only()
    {
        var trigger = new FlowTrigger();
        Assert.True(FlowTriggerMatcher.StateMatches(trigger, State.Success));
        Assert.True(FlowTriggerMatcher.StateMatches(trigger, State.Paused));
        Assert.False(FlowTriggerMatcher.StateMatches(trigger, State.Running));
        Assert.False(FlowTriggerMatcher.StateMatches(new FlowTrigger { States = [State.Failed] }, State.Success));
    }
}
