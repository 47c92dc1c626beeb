namespace Kite.Core.Executions.Events;

/// <summary>Nothing happened; the sweeper asks the executor to look at an execution that stopped moving.</summary>
public sealed record Redriven : ExecutionEvent;
