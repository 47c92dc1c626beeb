namespace Kite.Api.Logs;

/// <summary>A log line in Kestra's JSON shape (<c>LogEntry</c>).</summary>
public sealed record LogEntry(
    string Namespace,
    string FlowId,
    string? TaskId,
    string? ExecutionId,
    string? TaskRunId,
    int? AttemptNumber,
    string? TriggerId,
    DateTimeOffset Timestamp,
    string Level,
    string Message,
    bool Deleted);
