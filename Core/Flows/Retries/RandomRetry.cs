using Kite.Core.Validation;

namespace Kite.Core.Flows.Retries;

/// <summary>Retries after an interval drawn uniformly between the two bounds.</summary>
public sealed class RandomRetry : Retry
{
    [Required, Duration]
    public string MinInterval { get; set; } = "";

    [Required, Duration]
    public string MaxInterval { get; set; } = "";
}
