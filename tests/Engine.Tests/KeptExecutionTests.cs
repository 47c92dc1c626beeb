using Kite.Engine.Tests.Fixtures;
using Kite.Executor.Steps;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Engine.Tests;

/// <summary>The executor keeps an execution in memory between its steps, and reads it again once someone else wrote it.</summary>
[Collection(EngineCollection.Name)]
public sealed class KeptExecutionTests(EngineFixture engine)
{
    private KeptExecutions Kept => engine.ExecutorServices.GetRequiredService<KeptExecutions>();

    [Fact]
    public async Task The_steps_of_a_loop_reuse_the_execution_kept_from_the_step_before_instead_of_reading_its_runs()
    {
        var before = Kept.Reused;

        var execution = await engine.RunAsync("""
            id: kept-loop
            namespace: kite.kept
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 30) }}"
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(30, execution.TaskRuns.Count(r => r.TaskId == "log"));
        // One step per value after the first: each found the execution as the step before left it.
        Assert.True(Kept.Reused - before >= 29, $"{Kept.Reused - before} steps reused the kept execution");
    }

    [Fact]
    public async Task An_execution_written_elsewhere_since_its_last_step_is_read_again_and_keeps_what_was_written()
    {
        var id = await engine.StartAsync("""
            id: kept-stale
            namespace: kite.kept
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: "{{ labels.written ?? 'missing' }}"
            """);
        await engine.WaitForStateAsync(id, "PAUSED");

        // As another executor replica would: a change to the row, with the version moved on.
        await MigratedDatabase.QueryAsync(engine.Database,
            $$"""UPDATE executions SET labels = '[{"key":"written","value":"elsewhere"}]', step_version = step_version + 1 WHERE id = '{{id}}' RETURNING id""",
            r => r.GetString(0));
        await engine.PublishAsync(new ResumeExecution(id, null));

        var execution = await engine.WaitForEndAsync(id);
        Assert.Equal("SUCCESS", execution.State);
        Assert.Contains("elsewhere", execution.Run("after").Outputs, StringComparison.Ordinal);
    }
}
