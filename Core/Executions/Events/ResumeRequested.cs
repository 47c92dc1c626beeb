namespace Kite.Core.Executions.Events;

/// <summary>A paused execution is resumed, with the inputs of the Pause task's <c>onResume</c> form, already validated.</summary>
public sealed record ResumeRequested(Dictionary<string, object?> Inputs) : ExecutionEvent;
