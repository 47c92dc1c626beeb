using Kite.Core.Validation;

namespace Kite.Core.Flows.Retries;

/// <summary>Retries after a growing interval, capped at <see cref="MaxInterval"/>.</summary>
public sealed class ExponentialRetry : Retry
{
    [Required, Duration]
    public string Interval { get; set; } = "";

    [Required, Duration]
    public string MaxInterval { get; set; } = "";

    public double? DelayFactor { get; set; }
}
