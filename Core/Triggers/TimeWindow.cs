using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary>When preconditions must be met: a rolling duration, a sliding window, or a daily deadline or time range.</summary>
public sealed class TimeWindow : Flows.FlowElement
{
    public TimeWindowType? Type { get; set; }

    [Duration]
    public string? Window { get; set; }

    [Duration]
    public string? WindowAdvance { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    public TimeOnly? Deadline { get; set; }
}
