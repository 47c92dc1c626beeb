namespace Kite.Api.Executions;

/// <summary>Kestra's <c>state</c> object: the current state, its history, the start and end, and the ISO-8601 duration.</summary>
public sealed record ExecutionStateBody(string Current, IReadOnlyList<StateHistoryEntry> Histories, DateTimeOffset StartDate, DateTimeOffset? EndDate, string Duration);
