using System.Text.Json;
using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;

namespace Kite.Engine.Tests;

/// <summary>Retries, pauses, kills, restarts, subflows, loops and concurrency limits, through the bus and the database.</summary>
[Collection(EngineCollection.Name)]
public sealed class ControlTests(EngineFixture engine)
{
    [Fact]
    public async Task A_task_with_a_constant_retry_gets_new_attempts_from_stored_timers_until_it_succeeds()
    {
        var execution = await engine.RunAsync("""
            id: retried
            namespace: kite.control
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.attemptsCount < 3 }}"
                retry:
                  type: constant
                  interval: PT0.2S
                  maxAttempts: 5
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(3, JsonDocument.Parse(execution.Run("flaky").Attempts!).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_paused_execution_resumes_with_inputs_and_the_next_task_reads_them()
    {
        var id = await engine.StartAsync("""
            id: approval
            namespace: kite.control
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.wait.onResume.reason }}"
            """);
        await engine.WaitForStateAsync(id, "PAUSED");

        await engine.PublishAsync(new ResumeExecution(id, """{"reason":"approved"}"""));

        var execution = await engine.WaitForEndAsync(id);
        Assert.Equal("SUCCESS", execution.State);
        Assert.Contains("approved", execution.Run("after").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pause_with_a_duration_resumes_by_itself()
    {
        var execution = await engine.RunAsync("""
            id: timed_pause
            namespace: kite.control
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT0.5S
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: resumed
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(["wait", "after"], execution.TaskIds);
    }

    [Fact]
    public async Task A_killed_execution_ends_KILLED_at_once_and_the_worker_stops_its_running_task()
    {
        var id = await engine.StartAsync("""
            id: sleeper
            namespace: kite.control
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT30S
            """);
        await Eventually.BecomesAsync(() => engine.ReadAsync(id), e => e.TaskRuns.Count == 1 && e.TaskRuns[0].State == "RUNNING", "the sleep runs");

        await engine.PublishAsync(new KillExecution(id));

        var execution = await engine.WaitForEndAsync(id, TimeSpan.FromSeconds(15));
        Assert.Equal("KILLED", execution.State);
        Assert.Equal("KILLED", execution.Run("nap").State);
        Assert.Contains("KILLING", await engine.HistoryAsync(id));
        await Eventually.BecomesAsync(() => engine.LogsAsync(id), logs => logs.Exists(l => l.Message.Contains("its execution was killed", StringComparison.Ordinal)), "the worker stops the sleep");
    }

    [Fact]
    public async Task A_restarted_execution_keeps_its_id_and_reruns_only_the_failed_task()
    {
        var id = await engine.StartAsync("""
            id: restartable
            namespace: kite.control
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: once
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.attemptsCount == 1 }}"
            """);
        Assert.Equal("FAILED", (await engine.WaitForEndAsync(id)).State);

        await engine.PublishAsync(new RestartExecution(id));

        var execution = await engine.WaitForStateAsync(id, "SUCCESS");
        Assert.Equal(["first", "flaky"], execution.TaskIds);
        Assert.Equal(1, JsonDocument.Parse(execution.Run("first").Attempts!).RootElement.GetArrayLength());
        Assert.Equal(2, JsonDocument.Parse(execution.Run("flaky").Attempts!).RootElement.GetArrayLength());
        Assert.Contains("RESTARTED", await engine.HistoryAsync(id));
    }

    [Fact]
    public async Task A_Subflow_waits_for_its_child_and_takes_the_child_flow_outputs()
    {
        await engine.SaveFlowAsync("""
            id: child
            namespace: kite.control
            inputs:
              - id: who
                type: STRING
            tasks:
              - id: say
                type: io.kestra.plugin.core.debug.Return
                format: "hi {{ inputs.who }}"
            outputs:
              - id: greeting
                type: STRING
                value: "{{ outputs.say.value }}"
            """);

        var execution = await engine.RunAsync("""
            id: parent
            namespace: kite.control
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.control
                flowId: child
                inputs:
                  who: kite
              - id: use
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.call.outputs.greeting }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Contains("hi kite", execution.Run("use").Outputs, StringComparison.Ordinal);
        Assert.Single(await engine.ChildrenAsync(execution.Id));
    }

    [Fact]
    public async Task A_Subflow_whose_child_flow_has_no_outputs_ends_when_its_child_ends()
    {
        await engine.SaveFlowAsync("""
            id: quiet-child
            namespace: kite.control
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: nothing to give back
            """);

        var execution = await engine.RunAsync("""
            id: quiet-parent
            namespace: kite.control
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.control
                flowId: quiet-child
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal("SUCCESS", execution.Run("call").State);
    }

    [Fact]
    public async Task A_Subflow_of_an_unknown_flow_fails_with_the_reason_in_the_logs()
    {
        var execution = await engine.RunAsync("""
            id: orphan
            namespace: kite.control
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.control
                flowId: nowhere
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.Message.Contains("nowhere does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killing_a_parent_kills_its_running_subflow_execution()
    {
        await engine.SaveFlowAsync("""
            id: slow_child
            namespace: kite.control
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT30S
            """);
        var id = await engine.StartAsync("""
            id: slow_parent
            namespace: kite.control
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.control
                flowId: slow_child
            """);
        var child = (await Eventually.BecomesAsync(() => engine.ChildrenAsync(id), c => c.Count == 1, "the child exists"))[0];
        await engine.WaitForStateAsync(child, "RUNNING");

        await engine.PublishAsync(new KillExecution(id));

        Assert.Equal("KILLED", (await engine.WaitForEndAsync(id)).State);
        Assert.Equal("KILLED", (await engine.WaitForEndAsync(child)).State);
    }

    [Fact]
    public async Task LoopUntil_repeats_its_tasks_until_the_condition_holds()
    {
        var execution = await engine.RunAsync("""
            id: poller
            namespace: kite.control
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ outputs.loop.iterationCount >= 3 }}"
                checkFrequency:
                  interval: PT0.1S
                tasks:
                  - id: tick
                    type: io.kestra.plugin.core.log.Log
                    message: "tick {{ taskrun.iteration }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(3, execution.TaskRuns.Count(r => r.TaskId == "tick"));
    }

    [Fact]
    public async Task With_concurrency_limit_1_and_QUEUE_the_second_execution_waits_then_runs()
    {
        const string Flow = """
            id: one_at_a_time
            namespace: kite.control
            concurrency:
              limit: 1
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.5S
            """;
        var first = await engine.StartAsync(Flow);
        await engine.WaitForStateAsync(first, "RUNNING");
        var second = await engine.StartAsync(Flow);

        await engine.WaitForStateAsync(second, "QUEUED");
        Assert.Equal("SUCCESS", (await engine.WaitForEndAsync(second)).State);
        Assert.Equal(["CREATED", "QUEUED", "RUNNING", "SUCCESS"], await engine.HistoryAsync(second));
    }

    [Fact]
    public async Task With_concurrency_limit_1_and_CANCEL_the_second_execution_is_cancelled()
    {
        const string Flow = """
            id: cancel_extra
            namespace: kite.control
            concurrency:
              limit: 1
              behavior: CANCEL
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1S
            """;
        var first = await engine.StartAsync(Flow);
        await engine.WaitForStateAsync(first, "RUNNING");

        var second = await engine.WaitForEndAsync(await engine.StartAsync(Flow));

        Assert.Equal("CANCELLED", second.State);
        Assert.Empty(second.TaskRuns);
        Assert.Equal("SUCCESS", (await engine.WaitForEndAsync(first)).State);
    }
}
