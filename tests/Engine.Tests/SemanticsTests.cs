using Kite.Engine.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary>Kestra's execution semantics, end to end through the bus and the database.</summary>
[Collection(EngineCollection.Name)]
public sealed class SemanticsTests(EngineFixture engine)
{
    [Fact]
    public async Task A_failing_task_logs_its_message_runs_errors_and_finally_and_the_execution_ends_FAILED()
    {
        var execution = await engine.RunAsync("""
            id: failing
            namespace: kite.engine
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: "disk {{ flow.id }} is full"
            errors:
              - id: alert
                type: io.kestra.plugin.core.log.Log
                message: handling
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: cleaning
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Equal(["boom", "alert", "cleanup"], execution.TaskIds);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.Level == "ERROR" && l.Message.Contains("disk failing is full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outputs_of_one_task_feed_the_next_and_the_flow_outputs()
    {
        var execution = await engine.RunAsync("""
            id: chained
            namespace: kite.engine
            inputs:
              - id: name
                type: STRING
            tasks:
              - id: greet
                type: io.kestra.plugin.core.debug.Return
                format: "hello {{ inputs.name }}"
              - id: shout
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  loud: "{{ outputs.greet.value | upper }}"
            outputs:
              - id: final
                type: STRING
                value: "{{ outputs.shout.values.loud }}"
            """, new() { ["name"] = "kite" });

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal("{\"final\": \"HELLO KITE\"}", execution.Outputs);
    }

    [Fact]
    public async Task A_task_over_its_timeout_is_cancelled_and_fails_with_the_timeout_named()
    {
        var execution = await engine.RunAsync("""
            id: slow
            namespace: kite.engine
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT30S
                timeout: PT1S
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.Message.Contains("timed out after PT1S", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flowables_and_execution_updating_tasks_never_reach_a_worker()
    {
        var execution = await engine.RunAsync("""
            id: inexecutor
            namespace: kite.engine
            tasks:
              - id: vars
                type: io.kestra.plugin.core.execution.SetVariables
                variables:
                  mode: fast
              - id: branch
                type: io.kestra.plugin.core.flow.If
                condition: "{{ vars.mode == 'fast' }}"
                then:
                  - id: seq
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: tag
                        type: io.kestra.plugin.core.execution.Labels
                        labels:
                          speed: "{{ vars.mode }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(["vars", "branch", "seq", "tag"], execution.TaskIds);
        Assert.All(execution.TaskRuns, r => Assert.DoesNotContain("SUBMITTED", r.Attempts ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_lines_of_a_task_are_stored_in_order_with_their_level()
    {
        var execution = await engine.RunAsync("""
            id: logging
            namespace: kite.engine
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                level: WARN
                message:
                  - first
                  - second
                  - third
            """);

        var logs = (await engine.LogsAsync(execution.Id)).Where(l => l.TaskId == "say").ToList();
        Assert.Equal(["first", "second", "third"], logs.Select(l => l.Message));
        Assert.All(logs, l => Assert.Equal("WARN", l.Level));
    }

    [Fact]
    public async Task Parallel_branches_with_a_failure_end_the_execution_FAILED_after_every_started_branch_ends()
    {
        var execution = await engine.RunAsync("""
            id: parallelfail
            namespace: kite.engine
            tasks:
              - id: fan
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: slowok
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT1S
                  - id: fastfail
                    type: io.kestra.plugin.core.execution.Fail
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Equal("SUCCESS", execution.Run("slowok").State);
        Assert.Equal("FAILED", execution.Run("fan").State);
    }
}
