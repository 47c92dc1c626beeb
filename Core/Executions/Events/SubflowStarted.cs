namespace Kite.Core.Executions.Events;

/// <summary>The child execution a Subflow task run asked for was created.</summary>
public sealed record SubflowStarted(string TaskRunId, string ChildExecutionId) : ExecutionEvent;
