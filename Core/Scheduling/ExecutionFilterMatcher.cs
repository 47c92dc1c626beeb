using System.Text.RegularExpressions;
using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Triggers;

namespace Kite.Core.Scheduling;

/// <summary>
/// Whether an execution matches a preconditions <c>where</c> entry: all of its filters (operand AND, the default)
/// or any (OR). A filter reads one field of the execution as text (its state as Kestra names it, a label as
/// <c>key:value</c>, an expression rendered) and compares it as its type says.
/// </summary>
public static class ExecutionFilterMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static bool Matches(PreconditionFilter where, TriggeringExecution execution, RenderContext context) =>
        where.Operand == FilterOperand.Or
            ? where.Filters.Any(f => Matches(f, execution, context))
            : where.Filters.All(f => Matches(f, execution, context));

    public static bool Matches(FilterCondition filter, TriggeringExecution execution, RenderContext context)
    {
        var field = Read(filter, execution, context);
        var value = filter.Value;
        return filter.Type switch
        {
            FilterType.EqualTo => field is not null && field == value,
            FilterType.NotEqualTo => field != value,
            FilterType.In => field is not null && (filter.Values ?? []).Contains(field),
            FilterType.NotIn => field is null || !(filter.Values ?? []).Contains(field),
            FilterType.IsTrue => IsTruthy(field),
            FilterType.IsFalse => !IsTruthy(field),
            FilterType.IsNull => field is null,
            FilterType.IsNotNull => field is not null,
            FilterType.StartsWith => field is not null && value is not null && field.StartsWith(value, StringComparison.Ordinal),
            FilterType.EndsWith => field is not null && value is not null && field.EndsWith(value, StringComparison.Ordinal),
            FilterType.Contains => field is not null && value is not null && field.Contains(value, StringComparison.Ordinal),
            // Kestra matches the whole text (Java's String.matches), not a part of it.
            FilterType.Regex => field is not null && value is not null && Regex.IsMatch(field, $"^(?:{value})$", RegexOptions.None, RegexTimeout),
            _ => false,
        };
    }

    /// <summary>Kestra's truthiness of a rendered text: anything but nothing, blank, <c>false</c>, <c>0</c> or <c>-0</c>.</summary>
    public static bool IsTruthy(string? text) =>
        text?.Trim() is { Length: > 0 } trimmed && !trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) && trimmed is not ("0" or "-0");

    private static string? Read(FilterCondition filter, TriggeringExecution execution, RenderContext context) => filter.Field switch
    {
        FilterField.FlowId => execution.FlowId,
        FilterField.Namespace => execution.Namespace,
        FilterField.State => execution.State.ToKestraName(),
        FilterField.Expression => filter.Value is { } expression ? TemplateEngine.Render(expression, context) : null,
        FilterField.Label => Label(filter.Value, execution),
        _ => null,
    };

    private static string? Label(string? value, TriggeringExecution execution)
    {
        if (value is null)
        {
            return null;
        }

        var cut = value.IndexOf(':', StringComparison.Ordinal);
        var key = cut < 0 ? value : value[..cut];
        return execution.Labels.TryGetValue(key, out var label) ? $"{key}:{label}" : null;
    }
}
