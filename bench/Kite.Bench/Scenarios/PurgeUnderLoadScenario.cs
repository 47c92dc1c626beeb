using System.Globalization;
using Kite.Bench.Load;
using Kite.Bench.Reporting;
using Kite.Purge.Bench;
using Npgsql;

namespace Kite.Bench.Scenarios;

/// <summary>
/// Does a purge slow the running system? webhook-simple at a fixed rate, first alone, then while Purge.Service purges
/// 200,000 old executions (with 400,000 logs and 400,000 metrics, seeded by COPY) at its default batch size, started
/// through the Api. The second row counts only the executions that started while the purge ran.
/// </summary>
internal sealed class PurgeUnderLoadScenario(Func<int, string?> body)
    : Scenario(11, "purge-under-load", "webhook-simple at a fixed rate, alone and while a 400,000-execution purge runs")
{
    private const int Executions = 400_000;
    private const string PurgedNamespace = "bench.purge";

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var flow = FlowUnderTest.Read(Path.Combine(options.Flows, "webhook-simple.yaml"));
        await context.Suite.DeployFlowAsync(flow.Yaml, flow.Namespace, flow.Id, cancellationToken);
        var trigger = new ExecutionTrigger(context.Suite, flow);
        var purges = new PurgeClient(context.Suite);
        var rate = options.Rates is [var first, ..] ? first : 10;
        var label = string.Create(CultureInfo.InvariantCulture, $"{rate:0.##}/s");

        await RemoveSeededAsync(context.Database, cancellationToken);
        // A first pass warms the suite (JIT, pools, caches) so the two measured rows differ only by the purge.
        await RateScenario.MeasureAsync(context, $"{Name} {label} warming up", trigger, label, rate, body, cancellationToken);
        var alone = await RateScenario.MeasureAsync(context, $"{Name} {label} alone", trigger, label, rate, body, cancellationToken);

        var seeding = context.Progress.AddTask($"{Name}: seeding {Executions:N0} old executions", maxValue: 1);
        await BenchSeeder.SeedAsync(context.Database, Executions, 2 * Executions, 2 * Executions);
        await AnalyzeAsync(context.Database, cancellationToken);
        seeding.Value = 1;
        seeding.StopTask();

        // The control: the same load over the seeded tables, so that the seeding's after-effects (checkpoint, autovacuum
        // of 2.4 million new rows) are not counted as the purge's.
        var seeded = await RateScenario.MeasureAsync(context, $"{Name} {label} seeded, no purge yet", trigger, label, rate, body, cancellationToken);

        // Started once the suite has settled, as the load starts: a purge started before would be half done by then.
        var purgeId = "";
        var during = await RateScenario.MeasureAsync(context, $"{Name} {label} during the purge", trigger, label, rate, body, cancellationToken,
            async () => purgeId = await purges.StartAsync(PurgedNamespace, DateTimeOffset.UtcNow.AddDays(-30), cancellationToken));
        var purge = await purges.WaitAsync(purgeId, TimeSpan.FromMinutes(10), cancellationToken);
        if (purge.EndedAt is not { } end || purge.State != "SUCCESS")
        {
            throw new InvalidOperationException($"purge {purge.Id} ended {purge.State}: {purge.Error}");
        }

        // The seeded executions a purge must leave (2 % are RUNNING) would collide with the next run's ids.
        await RemoveSeededAsync(context.Database, cancellationToken);
        var seconds = (end - purge.CreatedAt).TotalSeconds;
        return new ScenarioResult(
            Number, Name, Title, trigger.Route, "executions/s", DateTimeOffset.UtcNow, context.Commit,
            string.Create(CultureInfo.InvariantCulture,
                $"{options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured, open loop; the purge deleted {purge.ExecutionsCount:N0} executions, {purge.LogsCount:N0} logs and {purge.MetricsCount:N0} metrics in {purge.Batches:N0} batches in {seconds:0.0} s"),
            [
                alone.ToRow(null, $"{label}, no purge"),
                seeded.ToRow(null, $"{label}, seeded, no purge yet"),
                during.ToRow(null, $"{label}, purge running", e => e.StartDate >= purge.CreatedAt && e.StartDate <= end),
            ]);
    }

    private static async Task RemoveSeededAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            DELETE FROM task_runs WHERE execution_id IN (SELECT id FROM executions WHERE deleted IN (true, false) AND namespace = '{PurgedNamespace}');
            DELETE FROM logs WHERE deleted IN (true, false) AND namespace = '{PurgedNamespace}';
            DELETE FROM metrics WHERE namespace = '{PurgedNamespace}';
            DELETE FROM executions WHERE deleted IN (true, false) AND namespace = '{PurgedNamespace}';
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AnalyzeAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "executions", "task_runs", "logs", "metrics" })
        {
            await using var command = database.CreateCommand($"VACUUM ANALYZE {table}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
