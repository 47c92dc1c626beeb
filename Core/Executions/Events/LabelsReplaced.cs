namespace Kite.Core.Executions.Events;

/// <summary>The execution's labels are set to these; <c>system.*</c> labels are the executor's and stay.</summary>
public sealed record LabelsReplaced(Dictionary<string, string> Labels) : ExecutionEvent;
