namespace Kite.Api.Namespaces;

/// <summary>Kestra's namespace JSON: its id, and whether it is disabled (never, in Kite).</summary>
public sealed record NamespaceBody(string Id, bool Disabled = false);
