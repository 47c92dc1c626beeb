namespace Kite.Core.Executions.Events;

/// <summary>A worker finished attempt <paramref name="Attempt"/> of a task run in a terminal state, with its outputs.</summary>
public sealed record TaskRunEnded(string TaskRunId, int Attempt, State State, Dictionary<string, object?>? Outputs) : ExecutionEvent;
