namespace Kite.Core.Executions.Events;

/// <summary>The child execution of a Subflow task run ended, with its flow outputs.</summary>
public sealed record SubflowEnded(string TaskRunId, string ChildExecutionId, State State, Dictionary<string, object?>? Outputs) : ExecutionEvent;
