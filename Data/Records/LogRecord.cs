namespace Kite.Data.Records;

/// <summary>A log line of a task run or of the execution itself. Written in batches.</summary>
public sealed class LogRecord
{
    public long Id { get; set; }
    public required string Namespace { get; set; }
    public required string FlowId { get; set; }
    public string? ExecutionId { get; set; }
    public string? TaskRunId { get; set; }
    public string? TaskId { get; set; }
    public string? TriggerId { get; set; }
    public int? Attempt { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public required string Level { get; set; }
    public required string Message { get; set; }
    public bool Deleted { get; set; }
}
