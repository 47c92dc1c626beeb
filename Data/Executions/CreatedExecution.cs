namespace Kite.Data.Executions;

/// <summary>
/// An execution about to be written in state CREATED. <see cref="Inputs"/> and <see cref="Trigger"/> are JSON
/// objects, <see cref="Labels"/> a JSON list of <c>{"key", "value"}</c> (as <see cref="PlainJsonColumns"/> writes them).
/// </summary>
public sealed record CreatedExecution(
    string Id,
    string Namespace,
    string FlowId,
    int FlowRevision,
    DateTimeOffset Created,
    DateTimeOffset? ScheduleDate,
    string Inputs,
    string Labels,
    string? Trigger);
