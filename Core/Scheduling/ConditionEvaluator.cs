using System.Globalization;
using Kite.Core.Expressions;
using Kite.Core.Triggers.Conditions;
using HolidayCondition = Kite.Core.Triggers.Conditions.PublicHoliday;

namespace Kite.Core.Scheduling;

/// <summary>
/// Whether a trigger's <c>conditions</c> hold. Date conditions read their <c>date</c> (by default
/// <c>{{ trigger.date }}</c>) from <paramref name="context"/>; execution conditions need the triggering execution.
/// A condition Kite cannot evaluate throws <see cref="NotSupportedException"/> naming it.
/// </summary>
public static class ConditionEvaluator
{
    public static bool AllHold(IEnumerable<Condition>? conditions, RenderContext context, TriggeringExecution? execution = null) =>
        (conditions ?? []).All(c => Holds(c, context, execution));

    public static bool Holds(Condition condition, RenderContext context, TriggeringExecution? execution = null) => condition switch
    {
        HolidayCondition holiday => PublicHolidayHolds(holiday, context),
        DateCondition date => DateConditions.Holds(date, ReadDate(date, context)),
        ExpressionCondition expression => IsTrue(TemplateEngine.Evaluate(expression.Expression, context)),
        ExecutionOutputs outputs => execution is not null && IsTrue(TemplateEngine.Evaluate(outputs.Expression, context)),
        ExecutionStatus status => execution is not null
            && (status.In is null || status.In.Contains(execution.State))
            && (status.NotIn is null || !status.NotIn.Contains(execution.State)),
        ExecutionFlow flow => execution is not null && execution.Namespace == flow.Namespace && execution.FlowId == flow.FlowId,
        FlowCondition flow => execution is not null && execution.Namespace == flow.Namespace && execution.FlowId == flow.FlowId,
        ExecutionNamespace ns => execution is not null && NamespaceMatches(ns, execution.Namespace),
        ExecutionLabels labels => execution is not null
            && labels.Labels.All(l => execution.Labels.TryGetValue(l.Key, out var value) && value == l.Value),
        Not not => !not.Conditions.Any(c => Holds(c, context, execution)),
        Or or => or.Conditions.Any(c => Holds(c, context, execution)),
        MultipleCondition => throw new NotSupportedException(
            "MultipleCondition waits for several executions, so it can only be one of a Flow trigger's conditions, not inside Not or Or"),
        _ => throw new NotSupportedException($"condition type '{condition.Type}' is not supported by Kite's scheduler yet"),
    };

    public static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        string s => bool.TryParse(s.Trim(), out var b) && b,
        _ => false,
    };

    private static bool NamespaceMatches(ExecutionNamespace condition, string ns) =>
        (condition.Comparison ?? (condition.Prefix ? NamespaceComparison.Prefix : NamespaceComparison.Equals)) switch
        {
            NamespaceComparison.Prefix => ns.StartsWith(condition.Namespace, StringComparison.Ordinal),
            NamespaceComparison.Suffix => ns.EndsWith(condition.Namespace, StringComparison.Ordinal),
            _ => ns == condition.Namespace,
        };

    /// <summary>The country and subdivision may be expressions; the day is the date's own (as its offset shows it).</summary>
    private static bool PublicHolidayHolds(HolidayCondition holiday, RenderContext context)
    {
        var country = holiday.Country is { } text ? TemplateEngine.Render(text, context) : null;
        if (string.IsNullOrWhiteSpace(country))
        {
            throw new FormatException("PublicHoliday needs a country (an ISO 3166-1 alpha-2 code such as FR): Kite has no default locale to take it from");
        }

        var subDivision = holiday.SubDivision is { } sub ? TemplateEngine.Render(sub, context) : null;
        return HolidayCalendars.IsHoliday(DateOnly.FromDateTime(ReadDate(holiday, context).DateTime), country, subDivision);
    }

    private static DateTimeOffset ReadDate(DateCondition condition, RenderContext context)
    {
        var value = TemplateEngine.Evaluate(condition.Date, context);
        return value switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(d),
            _ when DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) => parsed,
            _ => throw new FormatException($"condition date '{condition.Date}' rendered '{value}', which is not a date"),
        };
    }
}
