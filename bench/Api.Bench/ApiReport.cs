using System.Globalization;
using System.Text;

namespace Kite.Api.Bench;

/// <summary>bench/results/api.md: the machine, the data set, one row per search, then every query's plan.</summary>
public static class ApiReport
{
    public static string Write(IReadOnlyList<(ScenarioResult Result, string Load)> results, string machine, string data, int warmup, int iterations)
    {
        var text = new StringBuilder();
        text.AppendLine("# Api: executions search and count on 2,000,000 executions (scenario 7)");
        text.AppendLine();
        text.AppendLine("Produced by `dotnet run -c Release --project bench/Api.Bench` (see bench/README.md).");
        text.AppendLine();
        text.AppendLine(machine);
        text.AppendLine(CultureInfo.InvariantCulture, $"- Data: {data}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            Api.Service runs in the bench's process (WebApplicationFactory on Kestrel, a loopback port, Production settings,
            Basic authentication); each search is `GET /api/v1/executions/search?<query>` sent one at a time, {warmup} warm-up
            requests then {iterations} measured. **page** and **count** are the two SQL commands the route ran, timed by Npgsql's
            own tracing (command sent → result read) and checked to be exactly the SQL `ExecutionSearchQuery` builds;
            **HTTP** is the client's round trip (request → body read). Milliseconds, percentiles from an HDR histogram.
            Load is the 1-minute load average when the scenario started (2 cores, shared with other engineers' builds).
            """);
        text.AppendLine();
        text.AppendLine("| search | query | total | page p50 / p95 / p99 / max | count p50 / p95 / p99 / max | HTTP p50 / p95 / p99 / max | load |");
        text.AppendLine("|---|---|--:|---|---|---|--:|");
        foreach (var (result, load) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Scenario.Name} | `{result.Scenario.Query}` | {result.Total:N0} | {Row(result.Page)} | {Row(result.Count)} | {Row(result.Http)} | {load} |");
        }

        text.AppendLine();
        text.AppendLine("Kestra's figure (1.1, PR #12181, MySQL, > 2 million executions, list with deleted): 8 ms after the fix, 63 s before.");
        text.AppendLine("Our aim: page under 5 ms, count under 100 ms.");
        text.AppendLine();
        text.AppendLine("## Plans");
        text.AppendLine();
        text.AppendLine("EXPLAIN (ANALYZE, BUFFERS) of each statement as the route runs it: auto-prepared with the services' connection");
        text.AppendLine("settings, executed 8 times so PostgreSQL's plan cache has made its generic-or-custom choice, then `EXPLAIN … EXECUTE`.");
        foreach (var (result, _) in results)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {result.Scenario.Name}: `{result.Scenario.Query}`");
            text.AppendLine();
            text.AppendLine("```");
            text.AppendLine(result.Plans.Page);
            text.AppendLine();
            text.AppendLine(result.Plans.Count);
            text.AppendLine("```");
        }

        return text.ToString();
    }

    private static string Row(Latency latency) =>
        string.Create(CultureInfo.InvariantCulture, $"{latency.P50:0.00} / {latency.P95:0.00} / {latency.P99:0.00} / {latency.Max:0.00}");
}
