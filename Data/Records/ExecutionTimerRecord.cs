namespace Kite.Data.Records;

/// <summary>A delay of the executor (retry, pause end, loop check), held here rather than in a sleeping thread.</summary>
public sealed class ExecutionTimerRecord
{
    public long Id { get; set; }
    public required string ExecutionId { get; set; }
    public required string TaskRunId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set while an executor handles the timer; a claim older than the lease is taken over.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
}
