namespace Kite.Messaging.Contracts;

/// <summary>Published by the executor after each committed step that changed an execution's state.</summary>
public sealed record ExecutionChanged(
    string ExecutionId,
    string Namespace,
    string FlowId,
    string State,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate);
