namespace Kite.Api.Namespaces;

/// <summary>A key in a namespace's KV listing, without its value, as Kestra lists them.</summary>
public sealed record KeyValueSummary(string Key, string? Description, DateTimeOffset CreationDate, DateTimeOffset UpdateDate, DateTimeOffset? ExpirationDate);
