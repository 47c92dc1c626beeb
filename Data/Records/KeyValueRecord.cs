namespace Kite.Data.Records;

/// <summary>
/// One key of a namespace's key-value store, as Kestra's KV store keeps it: a JSON value with its declared type
/// (STRING, NUMBER, BOOLEAN, DATETIME, DATE, DURATION or JSON) and an optional expiry after which it reads as absent.
/// </summary>
public sealed class KeyValueRecord
{
    public required string Namespace { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
    public required string Type { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? ExpirationDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
