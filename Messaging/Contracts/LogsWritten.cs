namespace Kite.Messaging.Contracts;

/// <summary>Published after a batch of log lines is committed: the executions it had lines for, so live log followers read them.</summary>
public sealed record LogsWritten(IReadOnlyList<string> ExecutionIds);
