namespace Kite.Bench.Reporting;

/// <summary>A scenario as last run: when, on which commit, how executions were started, and its table.</summary>
internal sealed record ScenarioResult(
    int Number,
    string Name,
    string Title,
    string Route,
    string Unit,
    DateTimeOffset Date,
    string Commit,
    string Settings,
    IReadOnlyList<RateResult> Rows,
    IReadOnlyList<string>? Notes = null);
