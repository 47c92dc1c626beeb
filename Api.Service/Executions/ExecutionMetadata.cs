namespace Kite.Api.Executions;

/// <summary>Kestra's <c>metadata</c> of an execution.</summary>
public sealed record ExecutionMetadata(int AttemptNumber, DateTimeOffset OriginalCreatedDate);
