namespace Kite.Messaging.Contracts;

/// <summary>Asks the executor to set an execution's labels (a JSON object of key → value); only the executor writes an execution.</summary>
public sealed record ChangeExecutionLabels(string ExecutionId, string Labels);
