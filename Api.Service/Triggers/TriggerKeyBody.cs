namespace Kite.Api.Triggers;

/// <summary>A trigger as a request body names it; checked into a <see cref="TriggerKey"/> by <see cref="TriggerRequests"/>.</summary>
public sealed record TriggerKeyBody(string? Namespace, string? FlowId, string? TriggerId);
