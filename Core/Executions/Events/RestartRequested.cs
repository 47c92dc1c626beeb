namespace Kite.Core.Executions.Events;

/// <summary>Restart a failed, killed or paused execution in place: its failed task runs get a new attempt.</summary>
public sealed record RestartRequested : ExecutionEvent;
