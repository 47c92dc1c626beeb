namespace Kite.Messaging.Contracts;

/// <summary>Asks the executor to kill an execution (and, in cascade, its subflow executions).</summary>
public sealed record KillExecution(string ExecutionId);
