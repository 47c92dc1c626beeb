namespace Kite.Data.Records;

/// <summary>A running (or recently stopped) service process, kept alive by its heartbeat.</summary>
public sealed class ServiceInstanceRecord
{
    public required string Id { get; set; }
    public required string ServiceType { get; set; }
    public required string Host { get; set; }
    public int ProcessId { get; set; }
    public required string State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
}
