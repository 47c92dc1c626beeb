namespace Kite.Core.Executions;

/// <summary>One entry of a state history: the state entered and when.</summary>
public sealed record StateChange(State State, DateTimeOffset Date);
