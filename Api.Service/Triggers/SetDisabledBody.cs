namespace Kite.Api.Triggers;

/// <summary>The body of <c>POST /triggers/set-disabled/by-triggers</c>, as Kestra's <c>SetDisabledRequest</c>.</summary>
public sealed record SetDisabledBody(List<TriggerKeyBody>? Triggers, bool? Disabled);
