using Kite.Core.Flows.Reading;

namespace Kite.Core.Triggers.Conditions;

/// <summary>The trigger condition types Kite knows, by Kestra's full names and the legacy <c>...Condition</c> names.</summary>
public static class ConditionTypes
{
    private const string Core = "io.kestra.plugin.core.condition.";
    private const string Legacy = "io.kestra.core.models.conditions.types.";

    public static TypeCatalog Catalog { get; } = new TypeCatalog()
        .Add<DayWeek>(Core + "DayWeek", Core + "DayWeekCondition", Legacy + "DayWeekCondition")
        .Add<DayWeekInMonth>(Core + "DayWeekInMonth", Core + "DayWeekInMonthCondition", Legacy + "DayWeekInMonthCondition")
        .Add<DateTimeBetween>(Core + "DateTimeBetween", Core + "DateTimeBetweenCondition", Legacy + "DateTimeBetweenCondition")
        .Add<TimeBetween>(Core + "TimeBetween", Core + "TimeBetweenCondition", Legacy + "TimeBetweenCondition")
        .Add<Weekend>(Core + "Weekend", Core + "WeekendCondition", Legacy + "WeekendCondition")
        .Add<PublicHoliday>(Core + "PublicHoliday", Core + "PublicHolidayCondition", Legacy + "PublicHolidayCondition")
        .Add<ExpressionCondition>(Core + "Expression", Core + "ExpressionCondition", Legacy + "VariableCondition")
        .Add<ExecutionStatus>(Core + "ExecutionStatus", Core + "ExecutionStatusCondition", Legacy + "ExecutionStatusCondition")
        .Add<ExecutionFlow>(Core + "ExecutionFlow", Core + "ExecutionFlowCondition", Legacy + "ExecutionFlowCondition")
        .Add<ExecutionNamespace>(Core + "ExecutionNamespace", Core + "ExecutionNamespaceCondition", Legacy + "ExecutionNamespaceCondition")
        .Add<ExecutionLabels>(Core + "ExecutionLabels", Core + "ExecutionLabelsCondition", Legacy + "ExecutionLabelsCondition")
        .Add<ExecutionOutputs>(Core + "ExecutionOutputs", Core + "ExecutionOutputsCondition", Legacy + "ExecutionOutputsCondition")
        .Add<HasRetryAttempt>(Core + "HasRetryAttempt", Core + "HasRetryAttemptCondition", Legacy + "HasRetryAttemptCondition")
        .Add<Not>(Core + "Not", Core + "NotCondition", Legacy + "NotCondition")
        .Add<Or>(Core + "Or", Core + "OrCondition", Legacy + "OrCondition")
        .Add<MultipleCondition>(Core + "MultipleCondition", Legacy + "MultipleCondition")
        .Add<FlowCondition>(Core + "Flow", Core + "FlowCondition", Legacy + "FlowCondition");
}
