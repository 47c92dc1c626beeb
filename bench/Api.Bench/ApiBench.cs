using System.Diagnostics;
using Kite.Api.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Kite.Api.Bench;

/// <summary>
/// Each search sent to the in-process Api over HTTP: warm-up requests, then measured ones one at a time, timing the
/// whole round trip and, from Npgsql's tracing, the page and the count query the route ran (checked to be exactly
/// the SQL <see cref="ExecutionSearchQuery"/> builds for that query string).
/// </summary>
public sealed class ApiBench(ApiHost api, string connectionString, SqlTimings timings)
{
    public async Task<ScenarioResult> MeasureAsync(SearchScenario scenario, int warmup, int iterations)
    {
        var query = ExecutionSearchQuery.From(new QueryCollection(QueryHelpers.ParseQuery(scenario.Query)), TimeProvider.System);
        List<double> page = [], count = [], http = [];
        long total = 0;
        for (var i = 0; i < warmup + iterations; i++)
        {
            timings.Take();
            var clock = Stopwatch.StartNew();
            using var response = await api.Client.GetAsync(new Uri("/api/v1/executions/search?" + scenario.Query, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{scenario.Query}: {(int)response.StatusCode} {body}");
            }

            var commands = timings.Take();
            var pageSql = Single(commands, query.PageSql, scenario);
            var countSql = Single(commands, query.CountSql, scenario);
            if (i >= warmup)
            {
                page.Add(pageSql);
                count.Add(countSql);
                http.Add(elapsed);
            }

            total = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64();
        }

        var plans = await QueryPlans.ExplainAsync(connectionString, query);
        return new ScenarioResult(scenario, total, Latency.Of(page), Latency.Of(count), Latency.Of(http), plans);
    }

    private static double Single(List<(string Sql, double Milliseconds)> commands, string sql, SearchScenario scenario)
    {
        var matching = commands.Where(c => c.Sql == sql).ToList();
        return matching.Count == 1
            ? matching[0].Milliseconds
            : throw new InvalidOperationException(
                $"{scenario.Query}: expected the route to run once\n  {sql}\nbut Npgsql traced:\n  {string.Join("\n  ", commands.Select(c => c.Sql))}");
    }
}
