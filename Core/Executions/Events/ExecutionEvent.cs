namespace Kite.Core.Executions.Events;

/// <summary>Something that happened to an execution; the executor applies it, then decides what runs next.</summary>
public abstract record ExecutionEvent;
