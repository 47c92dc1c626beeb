using Kite.Bench.Reporting;

namespace Kite.Bench.Load;

/// <summary>
/// What one open-loop rate produced: the requests sent in the measured window, the executions that ended, and the
/// services' usage meanwhile. A row of a table is built from it, optionally from only some of the executions.
/// </summary>
internal sealed record RateMeasurement(
    string Label, double PerSecond, IReadOnlyList<SentExecution> Measured, int Accepted, IReadOnlyList<EndedExecution> Ended, IReadOnlyList<ServiceUsage> Services)
{
    public RateResult ToRow(string? kestra, string? label = null, Func<EndedExecution, bool>? only = null)
    {
        var ended = only is null ? Ended : [.. Ended.Where(only)];
        var window = ended.Count < 2 ? 0 : (ended.Max(e => e.EndDate) - ended.Min(e => e.StartDate)).TotalSeconds;
        return new RateResult(
            label ?? Label,
            PerSecond,
            only is null ? Measured.Count : ended.Count,
            only is null ? Accepted : ended.Count,
            ended.Count,
            ended.Count(e => e.State != "SUCCESS"),
            LatencySummary.Of([.. ended.Select(e => e.Milliseconds)]),
            only is null ? LatencySummary.Of([.. Measured.Select(s => s.ClientMs)]) : null,
            window > 0 ? ended.Count / window : 0,
            Services,
            kestra);
    }
}
