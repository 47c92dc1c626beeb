using Kite.Data.Purges;
using Kite.Purge.Tests.Fixtures;

namespace Kite.Purge.Tests;

/// <summary>PurgeLogs' filters, each one narrowing exactly what goes, on a database of its own.</summary>
[Collection(PurgeCollection.Name)]
public sealed class LogPurgerTests(PurgeFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task Every_filter_of_PurgeLogs_deletes_exactly_the_lines_it_names()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        var seeded = (from ns in new[] { "company", "company.team", "companyx" }
                      from flow in new[] { "a", "b" }
                      from execution in new[] { "e1", "e2", null }
                      from level in new[] { "DEBUG", "INFO", "ERROR" }
                      from age in new[] { 1, 10, 40 }
                      select new SeededLog(ns, flow, execution is null ? null : $"{ns}-{flow}-{execution}", level, Now.AddDays(-age))).ToList();
        await Seed.LogsAsync(db.ConnectionString, seeded);
        var left = seeded.ToList();
        LogPurgeRequest[] requests =
        [
            new() { Namespace = "company", FlowId = "a", ExecutionId = "company-a-e1", EndDate = Now },
            new() { Namespace = "company", LogLevels = ["debug", "INFO"], EndDate = Now.AddDays(-5), BatchSize = 4 },
            new() { Namespace = "companyx", StartDate = Now.AddDays(-20), EndDate = Now.AddDays(-5), PurgeNonExecutionLogs = false },
            new() { EndDate = Now.AddDays(-30), PurgeExecutionLogs = false },
            new() { EndDate = Now.AddDays(-5), BatchSize = 7 },
        ];

        foreach (var (request, number) in requests.Select((r, i) => (r, i)))
        {
            var matched = left.Where(l => Matches(l, request)).ToList();
            Assert.NotEmpty(matched);
            var run = await db.Logs.RunAsync($"logs-{number}", request, CancellationToken.None);
            left.RemoveAll(matched.Contains);

            Assert.Equal((PurgeRuns.Success, (long)matched.Count), (run.State, run.LogsCount));
            Assert.Equal(left.Count, await db.CountAsync("SELECT count(*) FROM logs"));
        }

        Assert.All(left, l => Assert.True(l.Timestamp > Now.AddDays(-5)));
    }

    [Fact]
    public void A_PurgeLogs_query_with_an_unknown_level_or_a_flow_without_namespace_is_refused()
    {
        var violations = new LogPurgeRequest { FlowId = "a", LogLevels = ["LOUD"], EndDate = Now }.Violations();

        Assert.Contains("logLevels: 'LOUD' is not one of TRACE, DEBUG, INFO, WARN, ERROR", violations);
        Assert.Contains("flowId needs a namespace", violations);
    }

    private static bool Matches(SeededLog l, LogPurgeRequest r) =>
        l.Timestamp <= r.EndDate
        && (r.StartDate is null || l.Timestamp >= r.StartDate)
        && (r.Namespace is null || l.Namespace == r.Namespace || (r.FlowId is null && l.Namespace.StartsWith(r.Namespace + ".", StringComparison.Ordinal)))
        && (r.FlowId is null || l.FlowId == r.FlowId)
        && (r.ExecutionId is null || l.ExecutionId == r.ExecutionId)
        && (r.LogLevels is null || r.LogLevels.Contains(l.Level, StringComparer.OrdinalIgnoreCase))
        && (l.ExecutionId is null ? r.PurgeNonExecutionLogs : r.PurgeExecutionLogs);
}
