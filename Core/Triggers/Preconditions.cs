using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary>
/// A Flow trigger's <c>preconditions</c>: start only once every listed upstream flow has ended in one of its states
/// (and every <c>where</c> filter matched) within the time window.
/// </summary>
public sealed class Preconditions : Flows.FlowElement
{
    [Id(IdKind.Task)]
    public string? Id { get; set; }

    public List<UpstreamFlow>? Flows { get; set; }

    public List<PreconditionFilter>? Where { get; set; }

    /// <summary>Absent means a DURATION_WINDOW of one day.</summary>
    public TimeWindow? TimeWindow { get; set; }

    public bool ResetOnSuccess { get; set; } = true;
}
