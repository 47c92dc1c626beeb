using System.Text.Json;
using Kite.Data.Storage;
using Kite.Integration.Tests.Fixtures;
using Kite.Purge.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Purge.Tests;

/// <summary>
/// Purge tasks in flows: the executor routes them to the purge queue, Purge.Service runs them and reports as a worker
/// would. (The worker has no runner for them, so an output here can only have come from Purge.Service.)
/// </summary>
[Collection(PurgeCollection.Name)]
public sealed class PurgeTasksTests(PurgeFixture engine)
{
    private static readonly DateTimeOffset Old = DateTimeOffset.UtcNow.AddDays(-40);

    [Fact]
    public async Task A_PurgeExecutions_task_in_a_flow_runs_on_the_purge_service_and_outputs_exact_counts()
    {
        var ended = Enumerable.Range(0, 23).Select(i => new SeededExecution($"tasks-ended-{i}", "tasks.target", "f", i % 2 == 0 ? "SUCCESS" : "FAILED", Old, Old.AddMinutes(5))).ToList();
        var running = Enumerable.Range(0, 3).Select(i => new SeededExecution($"tasks-running-{i}", "tasks.target", "f", "RUNNING", Old, null)).ToList();
        var elsewhere = Enumerable.Range(0, 4).Select(i => new SeededExecution($"tasks-other-{i}", "tasks.targetx", "f", "SUCCESS", Old, Old.AddMinutes(5))).ToList();
        await Seed.ExecutionsAsync(engine.Database, [.. ended, .. running, .. elsewhere]);
        var storage = engine.ServicesOf("purge").GetRequiredService<IInternalStorage>();
        foreach (var e in ended.Concat(running))
        {
            using var content = new MemoryStream("output"u8.ToArray());
            await storage.PutAsync(StorageUri.ForTaskRun(e.Namespace, e.FlowId, e.Id, "task", $"{e.Id}-t0", "out.txt"), content, CancellationToken.None);
        }

        var execution = await engine.RunAsync("""
            id: purge-executions
            namespace: tasks.purger
            tasks:
              - id: purge
                type: io.kestra.plugin.core.execution.PurgeExecutions
                namespace: tasks.target
                endDate: "{{ now() | dateAdd(-30, 'DAYS') }}"
                batchSize: 5
            """);

        Assert.Equal("SUCCESS", execution.State);
        using var outputs = JsonDocument.Parse(execution.Run("purge").Outputs!);
        Assert.Equal((23, 46, 46, 23), (
            outputs.RootElement.GetProperty("executionsCount").GetInt32(),
            outputs.RootElement.GetProperty("logsCount").GetInt32(),
            outputs.RootElement.GetProperty("metricsCount").GetInt32(),
            outputs.RootElement.GetProperty("storagesCount").GetInt32()));
        var left = await MigratedDatabase.QueryAsync(engine.Database,
            "SELECT id FROM executions WHERE deleted IN (true, false) AND namespace LIKE 'tasks.target%'", r => r.GetString(0));
        Assert.Equal(running.Concat(elsewhere).Select(e => e.Id).Order(), left.Order());
        foreach (var e in running)
        {
            Assert.NotNull(await storage.SizeAsync(StorageUri.ForTaskRun(e.Namespace, e.FlowId, e.Id, "task", $"{e.Id}-t0", "out.txt"), CancellationToken.None));
        }
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.TaskId == "purge" && l.Message == "Purged 23 execution(s), 46 log line(s), 46 metric(s) and 23 file(s) in 5 batch(es)");
    }

    [Fact]
    public async Task A_PurgeLogs_task_in_a_flow_deletes_the_levels_it_names_and_outputs_the_count()
    {
        var now = DateTimeOffset.UtcNow;
        var logs = (from flow in new[] { "kept", "cleaned" }
                    from level in new[] { "DEBUG", "INFO", "ERROR" }
                    from age in new[] { 2, 20 }
                    from copy in Enumerable.Range(0, 3)
                    select new SeededLog("tasks.logs", flow, $"tasks-logs-{flow}", level, now.AddDays(-age))).ToList();
        await Seed.LogsAsync(engine.Database, logs);

        var execution = await engine.RunAsync("""
            id: purge-logs
            namespace: tasks.purger
            tasks:
              - id: purge
                type: io.kestra.plugin.core.log.PurgeLogs
                namespace: tasks.logs
                flowId: cleaned
                logLevels: [DEBUG, INFO]
                endDate: "{{ now() | dateAdd(-10, 'DAYS') }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        using var outputs = JsonDocument.Parse(execution.Run("purge").Outputs!);
        Assert.Equal(6, outputs.RootElement.GetProperty("count").GetInt32());
        var left = await MigratedDatabase.QueryAsync(engine.Database,
            "SELECT count(*) FROM logs WHERE namespace = 'tasks.logs'", r => r.GetInt64(0));
        Assert.Equal(logs.Count - 6, left.Single());
    }

    [Fact]
    public async Task A_PurgeExecutions_task_asking_for_running_executions_fails_naming_the_state()
    {
        var execution = await engine.RunAsync("""
            id: purge-running
            namespace: tasks.purger
            tasks:
              - id: purge
                type: io.kestra.plugin.core.execution.PurgeExecutions
                endDate: "{{ now() }}"
                states: [SUCCESS, RUNNING]
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.Level == "ERROR"
            && l.Message.Contains("RUNNING is not a terminated state; only ended executions are purged", StringComparison.Ordinal));
    }
}
