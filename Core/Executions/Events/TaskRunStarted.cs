namespace Kite.Core.Executions.Events;

/// <summary>A worker began attempt <paramref name="Attempt"/> (1-based) of a task run.</summary>
public sealed record TaskRunStarted(string TaskRunId, int Attempt) : ExecutionEvent;
