namespace Kite.Data.Records;

/// <summary>An execution waiting for a concurrency slot of its flow; the oldest is started first.</summary>
public sealed class QueuedExecutionRecord
{
    public required string ExecutionId { get; set; }
    public required string Namespace { get; set; }
    public required string FlowId { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}
