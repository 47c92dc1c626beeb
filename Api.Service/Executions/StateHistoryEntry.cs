namespace Kite.Api.Executions;

/// <summary>One state an execution (or task run) entered, and when. Stored as such in the <c>state_history</c> column.</summary>
public sealed record StateHistoryEntry(string State, DateTimeOffset Date);
