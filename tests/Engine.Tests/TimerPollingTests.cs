using Kite.Core.Executions;
using Kite.Data;
using Kite.Engine.Tests.Fixtures;
using Kite.Executor;
using Kite.Executor.Outbox;
using Kite.Executor.Steps;
using Kite.Executor.Timers;
using Kite.Integration.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Kite.Engine.Tests;

/// <summary>Timers fire for the replica that added them and for the others; an idle executor only reads, rarely.</summary>
[Collection(EngineCollection.Name)]
public sealed class TimerPollingTests(EngineFixture engine, ITestOutputHelper output)
{
    [Fact]
    public async Task A_timer_that_another_replica_added_fires_without_waking_this_replica()
    {
        var id = await engine.StartAsync("""
            id: long_pause
            namespace: kite.timers
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT1H
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: resumed
            """);
        var paused = await Eventually.BecomesAsync(() => engine.ReadAsync(id), e => e.TaskRuns.Any(r => r.TaskId == "wait" && r.State == "PAUSED"), "the pause waits");

        // Another replica's store: this executor's poller is never told, it has to find the timer by polling.
        await using (var db = engine.Context())
        {
            await new TimerStore(db, new TimerWakeUp(TimeProvider.System))
                .AddAsync(id, new ExecutionTimer(paused.Run("wait").Id, DateTimeOffset.UtcNow, TimerKind.PauseEnded), CancellationToken.None);
        }

        var ended = await engine.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal("SUCCESS", ended.State);
        Assert.Equal(["wait", "after"], ended.TaskIds);
    }

    [Fact]
    public async Task An_idle_executor_writes_nothing()
    {
        var database = await MigratedDatabase.CreateAsync(engine.Infrastructure);
        await using var app = EngineFixture.Host("idle-executor", database, engine.RabbitMq, AddExecutorLoops);
        await app.StartAsync();
        try
        {
            await using var stats = NpgsqlDataSource.Create(database);
            // The heartbeat's one insert is counted: what follows is the idle executor alone.
            await Eventually.BecomesAsync(() => ScalarAsync(stats, "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'service_instance'"),
                n => n > 0, "the instance row is registered");
            var window = TimeSpan.FromSeconds(10);
            var (transactions, writes, maintenance) = (await TransactionsAsync(stats), await WritesAsync(stats), await MaintenanceAsync(stats));
            await Task.Delay(window);
            var (transactionsAfter, writesAfter, maintenanceAfter) = (await TransactionsAsync(stats), await WritesAsync(stats), await MaintenanceAsync(stats));

            // Before, the poller claimed in a write transaction every 200 ms. Now an idle executor only reads. The
            // reads are reported, not bounded: they are not all the executor's. Writes are counted on Kite's tables
            // only: autovacuum's ANALYZE rewrites pg_statistic rows, which the database-wide counters include (CI saw
            // 61 such rows in one window), and the heartbeat's row is not the executor's loops.
            var written = writesAfter.Where(table => writes.GetValueOrDefault(table.Key) != table.Value)
                .Select(table => $"{table.Key} +{table.Value - writes.GetValueOrDefault(table.Key)}").ToList();
            output.WriteLine($"{transactionsAfter - transactions} transactions in {window.TotalSeconds:F0} s, "
                + $"rows written: {(written.Count == 0 ? "none" : string.Join(", ", written))}, "
                + $"{maintenanceAfter - maintenance} tables vacuumed or analyzed by autovacuum");
            Assert.Empty(written);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The executor's loops as Executor.Service registers them, without the bus that would share the engine's queues.</summary>
    private static void AddExecutorLoops(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kite:ServiceInstance:HeartbeatInterval"] = "01:00:00" });
        builder.AddKiteDatabase();
        builder.Services.Configure<ExecutorOptions>(builder.Configuration.GetSection("Kite:Executor"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SentOutboxRows>();
        builder.Services.AddHostedService<OutboxFlusher>();
        builder.Services.AddHostedService<OutboxSweeper>();
        builder.Services.AddScoped<TimerStore>();
        builder.Services.AddSingleton<TimerWakeUp>();
        builder.Services.AddSingleton<StepCoalescer>();
        builder.Services.AddSingleton<ExecutionSteps>();
        builder.Services.AddHostedService<TimerPoller>();
        builder.Services.AddHostedService<StaleExecutionSweeper>();
    }

    private static Task<long> TransactionsAsync(NpgsqlDataSource stats) =>
        ScalarAsync(stats, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");

    /// <summary>Autovacuum's passes over the new database's tables: each is a transaction of its own in the counts above.</summary>
    private static Task<long> MaintenanceAsync(NpgsqlDataSource stats) =>
        ScalarAsync(stats, "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables");

    /// <summary>Rows inserted, updated or deleted per table of Kite's schema, the heartbeat's table left out.</summary>
    private static async Task<Dictionary<string, long>> WritesAsync(NpgsqlDataSource stats)
    {
        await using var command = stats.CreateCommand(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables WHERE relname <> 'service_instance'");
        await using var reader = await command.ExecuteReaderAsync();
        var writes = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            writes[reader.GetString(0)] = reader.GetInt64(1);
        }

        return writes;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource stats, string sql)
    {
        await using var command = stats.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
