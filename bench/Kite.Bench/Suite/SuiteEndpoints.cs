namespace Kite.Bench.Suite;

/// <summary>Where the suite answers, and the root PID of each service's replicas (empty when no dashboard was reachable).</summary>
internal sealed record SuiteEndpoints(
    Uri Api,
    string User,
    string Password,
    string Postgres,
    string? RabbitMq,
    IReadOnlyDictionary<string, IReadOnlyList<int>> ServicePids);
