using Kite.Bench.Reporting;
using Kite.Bench.Scenarios;
using Kite.Bench.Suite;
using Npgsql;
using Spectre.Console;

namespace Kite.Bench;

/// <summary>Runs the chosen scenarios one after another under one progress display.</summary>
internal static class BenchRun
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IReadOnlyList<Scenario> scenarios, SuiteSession suite, BenchOptions options)
    {
        await using var database = NpgsqlDataSource.Create(suite.Endpoints.Postgres);
        var commit = MachineInfo.ReadCommit(options.Repository);
        var results = new List<ScenarioResult>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var scenario in scenarios)
                {
                    var context = new BenchContext(suite, database, options, progress, commit);
                    results.Add(await scenario.RunAsync(context, CancellationToken.None));
                }
            });
        return results;
    }
}
