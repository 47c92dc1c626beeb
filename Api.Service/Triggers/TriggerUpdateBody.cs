namespace Kite.Api.Triggers;

/// <summary>
/// The body of <c>PUT /triggers</c>: a trigger as the routes answer it (fields other than these are ignored).
/// A missing <see cref="Disabled"/> leaves it as it is; a <see cref="Backfill"/> starts one.
/// </summary>
public sealed record TriggerUpdateBody(string? Namespace, string? FlowId, string? TriggerId, bool? Disabled, BackfillRequest? Backfill);
