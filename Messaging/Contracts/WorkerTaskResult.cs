namespace Kite.Messaging.Contracts;

/// <summary>
/// A worker's report on one attempt of a task run: RUNNING when it starts, then its terminal state with its outputs
/// (a JSON object). Duplicates are normal; the executor ignores reports for attempts that have ended.
/// </summary>
public sealed record WorkerTaskResult(string ExecutionId, string TaskRunId, int Attempt, string State, string? Outputs);
