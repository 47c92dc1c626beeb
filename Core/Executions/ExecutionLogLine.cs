namespace Kite.Core.Executions;

/// <summary>A line the executor itself logs for an execution (why a task failed to start, why outputs failed...).</summary>
public sealed record ExecutionLogLine(DateTimeOffset Timestamp, string Level, string Message, string? TaskRunId = null, string? TaskId = null);
