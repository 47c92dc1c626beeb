using Kite.Core.Expressions;
using Kite.Core.Flows.Reading;
using Kite.Core.Time;

namespace Kite.Core.Executions;

/// <summary>
/// The durations and dates a step reads from a task (a Pause's duration, a retry's interval, a Subflow's scheduleDate):
/// one that does not read, or lands past the calendar, fails the task run with a message naming the property instead
/// of failing the whole step.
/// </summary>
public static class TaskTimes
{
    /// <summary>A duration written in the flow; <paramref name="context"/>, when given, renders an expression in it first.</summary>
    public static TimeSpan Read(string text, string property, RenderContext? context = null)
    {
        var rendered = context is not null && TemplateEngine.HasExpression(text) ? TemplateEngine.Render(text, context) : text;
        return IsoDuration.TryParse(rendered, out var duration)
            ? duration
            : throw new TaskFailedException($"{property} '{TextExcerpt.Of(rendered)}' is not an ISO-8601 duration such as PT30S or P1DT2H");
    }

    /// <summary><paramref name="now"/> plus <paramref name="wait"/>, refused when that is past the year 9999.</summary>
    public static DateTimeOffset After(DateTimeOffset now, TimeSpan wait, string property) =>
        wait < DateTimeOffset.MaxValue - now && wait > DateTimeOffset.MinValue - now
            ? now + wait
            : throw new TaskFailedException($"{property} of {IsoDuration.Format(wait)} ends outside the calendar (years 1 to 9999)");

    /// <summary>A date and time (ISO-8601, with or without an offset) rendered from the flow.</summary>
    public static DateTimeOffset Date(string rendered, string property) =>
        DateTimeOffset.TryParse(rendered, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new TaskFailedException($"{property} '{TextExcerpt.Of(rendered)}' is not a date and time such as 2026-12-03T10:00:00Z");
}
