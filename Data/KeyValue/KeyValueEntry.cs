namespace Kite.Data.KeyValue;

/// <summary>A live key of a namespace's key-value store; <see cref="Value"/> is JSON text.</summary>
public sealed record KeyValueEntry(
    string Namespace,
    string Key,
    string Type,
    string Value,
    string? Description,
    DateTimeOffset? ExpirationDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
