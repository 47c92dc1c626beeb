using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Npgsql;

namespace Kite.Engine.Tests;

/// <summary>
/// A step whose decision throws (here: the result of a task run whose task its flow does not have, as a hand-edited row would leave)
/// fails the execution with a log line saying why, instead of a message redelivered for ever and an execution that hangs.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class UndecidedStepTests(EngineFixture engine)
{
    [Fact]
    public async Task A_step_that_throws_fails_the_execution_and_its_open_task_runs_with_a_log_naming_the_error()
    {
        var id = await engine.StartAsync("""
            id: tampered
            namespace: kite.undecided
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1H
            """);
        var running = (await Eventually.BecomesAsync(() => engine.ReadAsync(id), e => e.TaskRuns.Any(t => t is { TaskId: "nap", State: "RUNNING" }),
            "the Sleep runs on the worker", TimeSpan.FromSeconds(60))).Run("nap");
        await using (var connection = new NpgsqlConnection(engine.Database))
        {
            await connection.OpenAsync();
            // A hand edit moves the execution's version on, so that an executor keeping it in memory reads it again.
            await using var tamper = new NpgsqlCommand(
                "UPDATE task_runs SET task_id = 'vanished' WHERE execution_id = @id; UPDATE executions SET step_version = step_version + 1 WHERE id = @id", connection);
            tamper.Parameters.AddWithValue("id", id);
            Assert.Equal(2, await tamper.ExecuteNonQueryAsync());
        }

        // The result of a task the flow does not have: the decision cannot look up its retry policy, and throws.
        await engine.PublishAsync(new WorkerTaskResult(id, running.Id, 1, "SUCCESS", null));

        var execution = await engine.WaitForEndAsync(id);
        Assert.Equal("FAILED", execution.State);
        Assert.Equal("FAILED", execution.Run("vanished").State);
        Assert.Contains(await engine.LogsAsync(id), l => l.Level == "ERROR" && l.Message.Contains("KeyNotFoundException", StringComparison.Ordinal));
    }
}
