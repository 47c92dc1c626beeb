using Kite.Bench.Load;

namespace Kite.Bench.Reporting;

/// <summary>
/// One line of a scenario's table: a rate (or a single-execution flow, or a floor measurement). Latencies in ms;
/// <c>Database</c> is end − start of each execution as stored, <c>Client</c> what the bench observed.
/// </summary>
internal sealed record RateResult(
    string Rate,
    double TargetPerSecond,
    int Sent,
    int Accepted,
    int Completed,
    int Failed,
    LatencySummary? Database,
    LatencySummary? Client,
    double AchievedPerSecond,
    IReadOnlyList<ServiceUsage> Services,
    string? Kestra,
    double? BestMs = null);
