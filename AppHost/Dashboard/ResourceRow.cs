using Kite.AppHost.Orchestration;

namespace Kite.AppHost.Dashboard;

/// <summary>One replica as the dashboard and <c>GET /api/resources</c> show it.</summary>
public sealed record ResourceRow(
    string Id,
    string Name,
    string Kind,
    int Replica,
    int Replicas,
    string State,
    string Health,
    string? HealthDescription,
    int? Pid,
    int Restarts,
    DateTimeOffset? StartedAt,
    double? UptimeSeconds,
    int? ExitCode,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> WaitsFor)
{
    public static ResourceRow From(ReplicaRunner replica, DateTimeOffset now) => new(
        replica.Id,
        replica.Resource.Name,
        replica.Resource.Kind,
        replica.Index,
        replica.Resource.Replicas,
        replica.State.ToString(),
        replica.Health.ToString(),
        replica.HealthDescription,
        replica.ProcessId,
        replica.Restarts,
        replica.StartedAt,
        replica.State == ResourceState.Running && replica.StartedAt is { } started ? Math.Round((now - started).TotalSeconds) : null,
        replica.ExitCode,
        replica.Urls,
        [.. replica.Resource.WaitsFor.Concat(replica.Resource.WaitsForCompletion).Select(r => r.Name)]);
}
