namespace Kite.Purge.Tests.Fixtures;

/// <summary>A log line a test writes directly; no execution id for a trigger's line.</summary>
public sealed record SeededLog(string Namespace, string FlowId, string? ExecutionId, string Level, DateTimeOffset Timestamp);
