namespace Kite.Data.Records;

/// <summary>
/// One purge (a PurgeExecutions or PurgeLogs task run, an Api request or a retention policy) with its counts so far.
/// Each batch adds its counts in the transaction that deletes its rows, so a purge interrupted and run again ends
/// with exact totals.
/// </summary>
public sealed class PurgeRecord
{
    public required string Id { get; set; }

    /// <summary><c>PurgeExecutions</c> or <c>PurgeLogs</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The filter as JSON (an <see cref="Purges.ExecutionPurgeRequest"/> or a <see cref="Purges.LogPurgeRequest"/>).</summary>
    public required string Request { get; set; }

    /// <summary><c>CREATED</c>, <c>RUNNING</c>, <c>SUCCESS</c> or <c>FAILED</c>.</summary>
    public required string State { get; set; }

    public long ExecutionsCount { get; set; }
    public long LogsCount { get; set; }
    public long MetricsCount { get; set; }
    public long StoragesCount { get; set; }
    public int Batches { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
