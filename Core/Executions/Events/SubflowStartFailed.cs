namespace Kite.Core.Executions.Events;

/// <summary>The child execution a Subflow task run asked for could not be created (unknown or disabled flow, bad inputs).</summary>
public sealed record SubflowStartFailed(string TaskRunId, string Reason) : ExecutionEvent;
