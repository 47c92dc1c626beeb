namespace Kite.Data.Records;

/// <summary>The per-flow counter of running executions, locked <c>FOR UPDATE</c> when an execution starts or ends.</summary>
public sealed class ConcurrencyLimitRecord
{
    public required string Namespace { get; set; }
    public required string FlowId { get; set; }
    public int Running { get; set; }
}
