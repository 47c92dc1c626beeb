namespace Kite.Messaging.Contracts;

/// <summary>
/// A child execution started by a Subflow task ended (or could not be created: <paramref name="Error"/>); sent by
/// the executor to itself so the parent's step, not the child's, changes the parent.
/// </summary>
public sealed record SubflowExecutionEnded(string ParentExecutionId, string ParentTaskRunId, string ExecutionId, string State, string? Outputs, string? Error);
