namespace Kite.Messaging.Contracts;

/// <summary>
/// A worker's report on one attempt of a task run: RUNNING once it has run for a moment, then its terminal state
/// with its outputs (a JSON object) and <paramref name="StartDate"/>, when the worker started it (a quick task sends
/// only this report). Duplicates are normal; the executor ignores reports for attempts that have ended.
/// </summary>
public sealed record WorkerTaskResult(string ExecutionId, string TaskRunId, int Attempt, string State, string? Outputs, DateTimeOffset? StartDate = null);
