namespace Kite.Core.Executions.Events;

/// <summary>A queued execution was given a concurrency slot that freed up.</summary>
public sealed record ExecutionDequeued : ExecutionEvent;
