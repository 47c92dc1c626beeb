namespace Kite.Api.Flows;

/// <summary>One revision of a flow as the <c>flows</c> table holds it; <see cref="Model"/> is its JSON without the source.</summary>
public sealed record StoredFlow(string Namespace, string Id, int Revision, string Source, string Model, bool Deleted, DateTimeOffset UpdatedAt);
