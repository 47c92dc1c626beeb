namespace Kite.Data.Records;

/// <summary>The scheduler's state for one trigger of one flow.</summary>
public sealed class TriggerRecord
{
    public required string Namespace { get; set; }
    public required string FlowId { get; set; }
    public required string TriggerId { get; set; }
    public int FlowRevision { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset? NextExecutionDate { get; set; }
    public DateTimeOffset? Date { get; set; }
    public string? ExecutionId { get; set; }
    public DateTimeOffset? EvaluateRunningDate { get; set; }
    public bool Disabled { get; set; }
    public string? Backfill { get; set; }

    /// <summary>When <see cref="ExecutionId"/> was set: how long a schedule has been locked.</summary>
    public DateTimeOffset? LockedAt { get; set; }

    /// <summary>A Flow trigger's progress through its preconditions (jsonb).</summary>
    public string? Preconditions { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
