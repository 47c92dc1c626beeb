namespace Kite.Messaging.Contracts;

/// <summary>Published to every worker after an execution was killed: they cancel its running task runs and refuse its queued jobs.</summary>
public sealed record ExecutionKilled(string ExecutionId);
