using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary>How often and how long a <see cref="LoopUntil"/> tries.</summary>
public sealed class CheckFrequency : FlowElement
{
    public int? MaxIterations { get; set; } = 100;

    [Duration]
    public string? MaxDuration { get; set; } = "PT1H";

    [Duration]
    public string? Interval { get; set; } = "PT1M";
}
