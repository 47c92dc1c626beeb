using System.Text.Json.Nodes;

namespace Kite.Api.Triggers;

/// <summary>
/// One item of <c>GET /triggers/search</c>, as Kestra wraps it: the trigger's state and its definition in the flow
/// revision it runs (the trigger's YAML as JSON; null when that revision no longer has it).
/// </summary>
public sealed record TriggerSearchResult(TriggerBody TriggerContext, JsonObject? AbstractTrigger);
