namespace Kite.Data.Records;

/// <summary>One revision of a flow. Every save writes a new revision; a delete writes a revision marked deleted.</summary>
public sealed class FlowRecord
{
    public required string Namespace { get; set; }
    public required string Id { get; set; }
    public int Revision { get; set; }
    public required string Source { get; set; }
    public string? Model { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
