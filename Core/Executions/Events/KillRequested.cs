namespace Kite.Core.Executions.Events;

/// <summary>Someone asked to kill the execution: every task run not yet ended is killed, and so are its subflow executions.</summary>
public sealed record KillRequested : ExecutionEvent;
