namespace Kite.Core.Executions.Events;

/// <summary>
/// A worker finished attempt <paramref name="Attempt"/> of a task run in a terminal state, with its outputs;
/// <paramref name="StartedAt"/> is when the worker started it, for a run that ended before it was reported RUNNING.
/// </summary>
public sealed record TaskRunEnded(string TaskRunId, int Attempt, State State, Dictionary<string, object?>? Outputs, DateTimeOffset? StartedAt = null) : ExecutionEvent;
