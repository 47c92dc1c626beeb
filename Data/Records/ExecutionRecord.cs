namespace Kite.Data.Records;

/// <summary>An execution. JSON columns hold what Kestra's API returns as nested documents.</summary>
public sealed class ExecutionRecord
{
    public required string Id { get; set; }
    public required string Namespace { get; set; }
    public required string FlowId { get; set; }
    public int FlowRevision { get; set; }
    public required string State { get; set; }
    public DateTimeOffset StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public long? DurationMs { get; set; }
    public DateTimeOffset? ScheduleDate { get; set; }
    public string? Inputs { get; set; }
    public string? Outputs { get; set; }
    public string? Variables { get; set; }
    public string? Labels { get; set; }
    public string? Trigger { get; set; }
    public string? StateHistory { get; set; }
    public string? ParentId { get; set; }
    public string? OriginalId { get; set; }
    /// <summary>Kestra's <c>metadata.attemptNumber</c>: which execution of a replay or retry chain this is.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>Kestra's <c>metadata.originalCreatedDate</c>; null when this execution is the first of its chain.</summary>
    public DateTimeOffset? OriginalCreatedDate { get; set; }
    public bool Deleted { get; set; }

    /// <summary>
    /// Counts the changes written to the execution: every executor step that changes it adds one, and so does a
    /// delete. An executor that kept the execution in memory since its last step reuses it while this is unchanged.
    /// </summary>
    public long StepVersion { get; set; }
}
