using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;
using Assert = Xunit.Assert;

namespace Kite.Core.Tests.Triggers;

/// <summary>Trigger <c>conditions</c> and Flow trigger <c>preconditions</c> read into typed classes, under Kestra's names and legacy aliases.</summary>
public class TriggerConditionTests
{
    private static Trigger Trigger(string trigger)
    {
        var document = FlowReader.ReadOne($"""
            id: f
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
            {trigger}
            """);
        Assert.Empty(document.Violations);
        return document.Flow!.Triggers![0];
    }

    private static Condition OnlyCondition(string trigger) => Assert.Single(Trigger(trigger).Conditions!);

    [Fact]
    public void DayWeek_condition_reads_its_day_and_defaults_its_date_to_the_trigger_date()
    {
        var condition = Assert.IsType<DayWeek>(OnlyCondition("""
              - id: t
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                conditions:
                  - type: io.kestra.plugin.core.condition.DayWeek
                    dayOfWeek: MONDAY
            """));

        Assert.Equal((DayOfWeek.Monday, "{{ trigger.date }}"), (condition.DayOfWeek, condition.Date));
        Assert.Equal("io.kestra.plugin.core.condition.DayWeek", condition.Type);
    }

    [Fact]
    public void DateTimeBetween_condition_reads_ISO_date_times()
    {
        var condition = Assert.IsType<DateTimeBetween>(OnlyCondition("""
              - id: t
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                conditions:
                  - type: io.kestra.plugin.core.condition.DateTimeBetween
                    after: "2024-01-01T00:00:00Z"
                    before: "2024-12-31T23:59:59+02:00"
            """));

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), condition.After);
        Assert.Equal(TimeSpan.FromHours(2), condition.Before!.Value.Offset);
    }

    [Fact]
    public void Weekend_and_legacy_WeekendCondition_name_read_the_same_class()
    {
        var conditions = Trigger("""
              - id: t
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                conditions:
                  - type: io.kestra.plugin.core.condition.Weekend
                  - type: io.kestra.core.models.conditions.types.WeekendCondition
                  - type: io.kestra.plugin.core.condition.WeekendCondition
            """).Conditions!;

        Assert.All(conditions, c => Assert.IsType<Weekend>(c));
    }

    [Fact]
    public void Expression_condition_and_legacy_VariableCondition_read_the_expression()
    {
        var conditions = Trigger("""
              - id: t
                type: io.kestra.plugin.core.trigger.Webhook
                key: abc
                conditions:
                  - type: io.kestra.plugin.core.condition.Expression
                    expression: "{{ trigger.body.ok }}"
                  - type: io.kestra.core.models.conditions.types.VariableCondition
                    expression: "{{ true }}"
            """).Conditions!;

        Assert.Equal(["{{ trigger.body.ok }}", "{{ true }}"], conditions.Cast<ExpressionCondition>().Select(c => c.Expression));
    }

    [Fact]
    public void ExecutionStatus_condition_reads_in_and_notIn_as_states()
    {
        var condition = Assert.IsType<ExecutionStatus>(OnlyCondition("""
              - id: t
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionStatus
                    in: [SUCCESS, WARNING]
                    notIn: [KILLED]
            """));

        Assert.Equal([State.Success, State.Warning], condition.In);
        Assert.Equal([State.Killed], condition.NotIn);
    }

    [Fact]
    public void ExecutionFlow_condition_reads_namespace_and_flow_id()
    {
        var condition = Assert.IsType<ExecutionFlow>(OnlyCondition("""
              - id: t
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionFlow
                    namespace: company.upstream
                    flowId: extract
            """));

        Assert.Equal(("company.upstream", "extract"), (condition.Namespace, condition.FlowId));
    }

    [Fact]
    public void ExecutionNamespace_condition_reads_comparison_and_deprecated_prefix()
    {
        var conditions = Trigger("""
              - id: t
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionNamespace
                    namespace: company
                    comparison: PREFIX
                  - type: io.kestra.plugin.core.condition.ExecutionNamespace
                    namespace: company
                    prefix: true
            """).Conditions!.Cast<ExecutionNamespace>().ToList();

        Assert.Equal(NamespaceComparison.Prefix, conditions[0].Comparison);
        Assert.True(conditions[1].Prefix);
    }

    [Fact]
    public void Not_and_Or_conditions_nest_typed_conditions()
    {
        var not = Assert.IsType<Not>(OnlyCondition("""
              - id: t
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                conditions:
                  - type: io.kestra.plugin.core.condition.Not
                    conditions:
                      - type: io.kestra.plugin.core.condition.Or
                        conditions:
                          - type: io.kestra.plugin.core.condition.Weekend
                          - type: io.kestra.plugin.core.condition.DayWeek
                            dayOfWeek: FRIDAY
            """));

        var or = Assert.IsType<Or>(Assert.Single(not.Conditions));
        Assert.Equal([typeof(Weekend), typeof(DayWeek)], or.Conditions.Select(c => c.GetType()));
        Assert.True(not.OnSchedule);
    }

    [Fact]
    public void Schedule_deprecated_scheduleConditions_read_typed_date_conditions()
    {
        var schedule = Assert.IsType<Schedule>(Trigger("""
              - id: t
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "@daily"
                scheduleConditions:
                  - type: io.kestra.plugin.core.condition.DayWeekInMonth
                    dayOfWeek: MONDAY
                    dayInMonth: FIRST
            """));

        var condition = Assert.IsType<DayWeekInMonth>(Assert.Single(schedule.ScheduleConditions!));
        Assert.Equal((DayOfWeek.Monday, DayInMonth.First), (condition.DayOfWeek, condition.DayInMonth));
    }

    [Fact]
    public void Deprecated_MultipleCondition_reads_its_named_conditions()
    {
        var condition = Assert.IsType<MultipleCondition>(OnlyCondition("""
              - id: t
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.MultipleCondition
                    id: both
                    window: P1D
                    conditions:
                      first:
                        type: io.kestra.plugin.core.condition.ExecutionFlow
                        namespace: company.team
                        flowId: a
                      second:
                        type: io.kestra.plugin.core.condition.ExecutionFlow
                        namespace: company.team
                        flowId: b
            """));

        Assert.Equal(["first", "second"], condition.Conditions.Keys);
    }

    [Fact]
    public void Flow_trigger_preconditions_read_upstream_flows_filters_and_time_window()
    {
        var trigger = Assert.IsType<FlowTrigger>(Trigger("""
              - id: t
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: both
                  flows:
                    - namespace: company.team
                      flowId: extract
                      states: [SUCCESS, WARNING]
                    - namespace: company.other
                  where:
                    - id: team
                      operand: OR
                      filters:
                        - field: NAMESPACE
                          type: STARTS_WITH
                          value: company
                  timeWindow:
                    type: DAILY_TIME_WINDOW
                    startTime: "06:00:00"
                    endTime: "12:00:00"
                  resetOnSuccess: false
            """));

        var preconditions = trigger.Preconditions!;
        Assert.Equal(["extract", null], preconditions.Flows!.Select(f => f.FlowId));
        Assert.Equal([State.Success, State.Warning], preconditions.Flows![0].States);
        var filter = Assert.Single(Assert.Single(preconditions.Where!).Filters);
        Assert.Equal((FilterField.Namespace, FilterType.StartsWith, "company"), (filter.Field, filter.Type, filter.Value));
        Assert.Equal((TimeWindowType.DailyTimeWindow, new TimeOnly(6, 0)), (preconditions.TimeWindow!.Type, preconditions.TimeWindow.StartTime));
        Assert.False(preconditions.ResetOnSuccess);
    }

    [Fact]
    public void Every_condition_type_is_registered_under_its_Kestra_name()
    {
        string[] names = ["DayWeek", "DayWeekInMonth", "DateTimeBetween", "TimeBetween", "Weekend", "PublicHoliday", "Expression",
            "ExecutionStatus", "ExecutionFlow", "ExecutionNamespace", "ExecutionLabels", "ExecutionOutputs", "HasRetryAttempt", "Not", "Or", "MultipleCondition"];

        Assert.All(names, n => Assert.True(ConditionTypes.Catalog.TryResolve("io.kestra.plugin.core.condition." + n, out _), n));
    }
}
