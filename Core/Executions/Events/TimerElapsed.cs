namespace Kite.Core.Executions.Events;

/// <summary>A delay the executor stored for a task run is due (a retry, the end of a pause, a loop's next check).</summary>
public sealed record TimerElapsed(string TaskRunId, TimerKind Kind) : ExecutionEvent;
