namespace Kite.Data.Records;

/// <summary>A task run, kept in its own row so a task's result never rewrites the whole execution.</summary>
public sealed class TaskRunRecord
{
    public required string Id { get; set; }
    public required string ExecutionId { get; set; }

    /// <summary>The run's place in its execution's creation order, which sequences depend on.</summary>
    public int Position { get; set; }

    public string? ParentTaskRunId { get; set; }
    public required string TaskId { get; set; }
    public string? Value { get; set; }
    public int? Iteration { get; set; }
    public required string State { get; set; }
    public string? StateHistory { get; set; }
    public string? Attempts { get; set; }
    public string? Outputs { get; set; }
    public DateTimeOffset StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
}
