using Kite.Core.Validation;

namespace Kite.Core.Flows.Retries;

/// <summary>A retry policy (<c>type: constant | exponential | random</c>), on a task, a flowable or the flow.</summary>
public abstract class Retry : FlowElement
{
    [NotInYaml]
    public string Type { get; set; } = "";

    public int? MaxAttempts { get; set; }

    [Duration]
    public string? MaxDuration { get; set; }

    public bool WarningOnRetry { get; set; }

    public RetryBehavior Behavior { get; set; } = RetryBehavior.RetryFailedTask;
}
