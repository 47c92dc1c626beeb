using System.Diagnostics;
using System.Globalization;
using Kite.Purge.Bench;

namespace Kite.Api.Bench;

/// <summary>
/// The whole run: PostgreSQL up and migrated, the 2,000,000 executions seeded unless a complete seed is already there
/// (or <c>--reseed</c>), the Api started on it, every search measured, the report written.
/// </summary>
public static class SearchBench
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var root = Path.Combine(RepositoryRoot.Find(), "bench", "results", "tmp", "api-bench");
        await using var database = await SeededDatabase.StartAsync(root);
        if (options.Reseed || await database.SeedMarkerAsync() != ExecutionSeeder.Version(BenchOptions.Executions))
        {
            Console.WriteLine($"Seeding {BenchOptions.Executions:N0} executions…");
            var clock = Stopwatch.StartNew();
            await database.ReseedAsync(BenchOptions.Executions);
            Console.WriteLine($"Seeded (COPY, VACUUM ANALYZE) in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var data = await DescribeDataAsync(database);
        Console.WriteLine(data);
        using var timings = new SqlTimings();
        await using var api = new ApiHost(database.ConnectionString);
        Console.WriteLine($"Api listening on {api.Address}, client base address {api.Client.BaseAddress}");
        var bench = new ApiBench(api, database.ConnectionString, timings);
        List<(ScenarioResult, string)> results = [];
        foreach (var scenario in SearchScenario.All.Where(s => options.Only.Count == 0 || options.Only.Contains(s.Name)))
        {
            var load = LoadAverage();
            var result = await bench.MeasureAsync(scenario, options.Warmup, options.Iterations);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}: total {result.Total:N0}, page p50 {result.Page.P50:F2} p99 {result.Page.P99:F2}, count p50 {result.Count.P50:F2} p99 {result.Count.P99:F2}, HTTP p50 {result.Http.P50:F2} p99 {result.Http.P99:F2} ms (load {load})"));
            results.Add((result, load));
        }

        var version = "PostgreSQL " + await database.ScalarAsync("SHOW server_version");
        var machine = Machine.Describe(version) + $"\n- Load average (1, 5, 15 min) at the end of the run: {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + ", " + b)}";
        return ApiReport.Write(results, machine, data, options.Warmup, options.Iterations);
    }

    private static async Task<string> DescribeDataAsync(SeededDatabase database)
    {
        var rows = await database.ScalarAsync("SELECT count(*) FROM executions");
        var deleted = await database.ScalarAsync("SELECT count(*) FROM executions WHERE deleted");
        var table = await database.ScalarAsync("SELECT pg_size_pretty(pg_table_size('executions'))");
        var indexes = await database.ScalarAsync("SELECT pg_size_pretty(pg_indexes_size('executions'))");
        var ns7 = await database.ScalarAsync("SELECT count(*) FROM executions WHERE namespace = 'ns7'");
        return $"{long.Parse(rows, CultureInfo.InvariantCulture):N0} executions ({long.Parse(deleted, CultureInfo.InvariantCulture):N0} soft-deleted), " +
            $"{long.Parse(ns7, CultureInfo.InvariantCulture):N0} in ns7; table {table}, its indexes {indexes}; " +
            $"{ExecutionSeeder.Namespaces} namespaces of 4 flows, 90 days of start dates, seeded by binary COPY then VACUUM ANALYZE";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
