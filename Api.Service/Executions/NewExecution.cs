namespace Kite.Api.Executions;

/// <summary>An execution about to be written in state CREATED; JSON fields are already serialized.</summary>
public sealed record NewExecution(
    string Id,
    string Namespace,
    string FlowId,
    int FlowRevision,
    DateTimeOffset Created,
    DateTimeOffset? ScheduleDate,
    string Inputs,
    string Labels,
    string StateHistory,
    string? Trigger = null);
