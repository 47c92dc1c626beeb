namespace Kite.Messaging.Contracts;

/// <summary>A queued execution got the concurrency slot another execution of its flow freed.</summary>
public sealed record QueuedExecutionReleased(string ExecutionId);
