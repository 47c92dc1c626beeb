using Kite.Core.Validation;

namespace Kite.Core.Flows.Retries;

/// <summary>Retries after the same interval each time.</summary>
public sealed class ConstantRetry : Retry
{
    [Required, Duration]
    public string Interval { get; set; } = "";
}
