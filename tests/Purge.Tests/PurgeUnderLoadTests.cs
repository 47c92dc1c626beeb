using Kite.Data.Purges;
using Kite.Integration.Tests.Fixtures;
using Kite.Purge.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Purge.Tests;

/// <summary>
/// A purge shares the tables the engine writes all day. Its batches lock only the rows they delete, so executions of
/// the same namespace and flow keep running to the end while a batch is held open, and the purge then finishes with
/// exact counts. (How much a purge adds to the engine's latency is measured in bench/Purge.Bench, not timed here.)
/// </summary>
[Collection(PurgeCollection.Name)]
public sealed class PurgeUnderLoadTests(PurgeFixture engine)
{
    private static readonly DateTimeOffset Old = DateTimeOffset.UtcNow.AddDays(-40);

    private const string BusyFlow = """
        id: busy
        namespace: load.shared
        tasks:
          - id: values
            type: io.kestra.plugin.core.output.OutputValues
            values:
              size: 3
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b, c]
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }} of {{ outputs.values.values.size }}"
        """;

    [Fact]
    public async Task Executions_of_the_purged_flow_run_to_the_end_while_a_purge_batch_holds_its_rows_open()
    {
        var old = Enumerable.Range(0, 40).Select(i => new SeededExecution($"load-old-{i:D2}", "load.shared", "busy", "SUCCESS", Old, Old.AddMinutes(5))).ToList();
        await Seed.ExecutionsAsync(engine.Database, old);
        using var folder = new TemporaryFolder();
        var files = new InterruptibleStorage(folder.Path);
        foreach (var e in old)
        {
            await files.WriteAsync(e, 1);
        }

        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        files.Hold = (reached, released.Task);
        await using var dataSource = NpgsqlDataSource.Create(engine.Database);
        var purger = new ExecutionPurger(dataSource, files, NullLogger<ExecutionPurger>.Instance) { FileParallelism = 1 };
        var purge = purger.RunAsync("under-load", new ExecutionPurgeRequest { Namespace = "load.shared", EndDate = DateTimeOffset.UtcNow.AddDays(-30), BatchSize = 15 },
            CancellationToken.None);

        // The first batch has locked its executions and run its deletes, and waits with its transaction open.
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.BecomesAsync(() => OpenTransactionsAsync(engine.Database), n => n >= 1, "the purge batch's transaction is open and idle");

        List<string> live = [];
        for (var i = 0; i < 3; i++)
        {
            var run = await engine.RunAsync(BusyFlow);
            Assert.Equal("SUCCESS", run.State);
            Assert.Equal(5, run.TaskRuns.Count);
            live.Add(run.Id);
        }

        Assert.False(purge.IsCompleted);
        files.Hold = null;
        released.SetResult();
        var record = await purge.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((PurgeRuns.Success, 40L, 80L, 80L, 40L, 3),
            (record.State, record.ExecutionsCount, record.LogsCount, record.MetricsCount, record.StoragesCount, record.Batches));
        var left = await MigratedDatabase.QueryAsync(engine.Database,
            "SELECT id FROM executions WHERE deleted IN (true, false) AND namespace = 'load.shared'", r => r.GetString(0));
        Assert.Equal(live.Order(), left.Order());
        foreach (var id in live)
        {
            Assert.NotEmpty(await engine.LogsAsync(id));
        }
    }

    private static async Task<long> OpenTransactionsAsync(string database) =>
        (await MigratedDatabase.QueryAsync(database,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'", r => r.GetInt64(0))).Single();
}
