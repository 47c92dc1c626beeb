using Kite.Core.Executions;
using Kite.Core.Time;
using Kite.Core.Triggers;

namespace Kite.Core.Scheduling;

/// <summary>
/// Which upstream flows of a Flow trigger's <c>preconditions</c> have been met, and when, within its time window.
/// Kept between events (the scheduler stores it on the trigger's row); <see cref="Record"/> says when all are met.
/// </summary>
public sealed class PreconditionProgress
{
    public Dictionary<string, DateTimeOffset> Met { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? WindowStart { get; set; }

    /// <summary>Records the execution against the upstream flows it satisfies; true when every upstream flow is met.</summary>
    public bool Record(Preconditions preconditions, TriggeringExecution execution, DateTimeOffset now)
    {
        var flows = preconditions.Flows ?? [];
        Expire(preconditions.TimeWindow, now);
        if (!InDailyWindow(preconditions.TimeWindow, now))
        {
            return false;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            if (Satisfies(flows[i], execution))
            {
                WindowStart ??= now;
                Met[Key(i)] = now;
            }
        }

        var all = flows.Count > 0 && Enumerable.Range(0, flows.Count).All(i => Met.ContainsKey(Key(i)));
        if (all && preconditions.ResetOnSuccess)
        {
            Met.Clear();
            WindowStart = null;
        }

        return all;
    }

    private static string Key(int index) => $"flows[{index}]";

    private static bool Satisfies(UpstreamFlow upstream, TriggeringExecution execution) =>
        upstream.Namespace == execution.Namespace
        && (upstream.FlowId is null || upstream.FlowId == execution.FlowId)
        && (upstream.States ?? [State.Success]).Contains(execution.State)
        && (upstream.Labels ?? []).All(l => execution.Labels.TryGetValue(l.Key, out var value) && value == Convert.ToString(l.Value, System.Globalization.CultureInfo.InvariantCulture));

    private void Expire(TimeWindow? window, DateTimeOffset now)
    {
        var type = window?.Type ?? TimeWindowType.DurationWindow;
        var length = window?.Window is { } text ? IsoDuration.Parse(text) : TimeSpan.FromDays(1);
        switch (type)
        {
            case TimeWindowType.SlidingWindow:
                foreach (var key in Met.Where(m => m.Value < now - length).Select(m => m.Key).ToList())
                {
                    Met.Remove(key);
                }

                break;
            case TimeWindowType.DailyTimeDeadline or TimeWindowType.DailyTimeWindow:
                if (WindowStart is { } day && day.UtcDateTime.Date != now.UtcDateTime.Date)
                {
                    Reset();
                }

                break;
            default:
                if (WindowStart is { } start && now > start + length)
                {
                    Reset();
                }

                break;
        }
    }

    private static bool InDailyWindow(TimeWindow? window, DateTimeOffset now)
    {
        var time = TimeOnly.FromDateTime(now.UtcDateTime);
        return window?.Type switch
        {
            TimeWindowType.DailyTimeDeadline => window.Deadline is not { } deadline || time <= deadline,
            TimeWindowType.DailyTimeWindow => (window.StartTime is not { } from || time >= from) && (window.EndTime is not { } to || time <= to),
            _ => true,
        };
    }

    private void Reset()
    {
        Met.Clear();
        WindowStart = null;
    }
}
