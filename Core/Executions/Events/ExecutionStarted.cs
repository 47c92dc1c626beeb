namespace Kite.Core.Executions.Events;

/// <summary>The execution was created and is handed to the executor for its first step.</summary>
public sealed record ExecutionStarted : ExecutionEvent;
