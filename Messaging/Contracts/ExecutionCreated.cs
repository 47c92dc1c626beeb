namespace Kite.Messaging.Contracts;

/// <summary>An execution row in state CREATED is committed and waits for the executor.</summary>
public sealed record ExecutionCreated(string ExecutionId);
