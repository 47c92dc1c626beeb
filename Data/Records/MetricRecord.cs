namespace Kite.Data.Records;

/// <summary>A metric a task emitted (a counter or a timer). Written in batches.</summary>
public sealed class MetricRecord
{
    public long Id { get; set; }
    public required string Namespace { get; set; }
    public required string FlowId { get; set; }
    public required string ExecutionId { get; set; }
    public string? TaskRunId { get; set; }
    public string? TaskId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public double Value { get; set; }
    public string? Tags { get; set; }
    public DateTimeOffset Timestamp { get; set; }
}
