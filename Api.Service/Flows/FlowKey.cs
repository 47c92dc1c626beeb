namespace Kite.Api.Flows;

/// <summary>A flow named by namespace and id, as bulk requests list them.</summary>
public sealed record FlowKey(string Namespace, string Id);
