namespace Kite.Messaging.Contracts;

/// <summary>Asks the executor to restart a failed or killed execution in place.</summary>
public sealed record RestartExecution(string ExecutionId);
