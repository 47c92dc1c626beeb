using Kite.Core.Executions;
using Kite.Core.Executions.Events;

namespace Kite.Core.Tests.Executions;

public sealed class KillAndRestartTests
{
    [Fact]
    public void A_kill_ends_every_open_task_run_KILLED_and_ignores_the_late_worker_report()
    {
        var run = new Simulation("""
            id: sleepy
            namespace: kite.tests
            tasks:
              - id: par
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: a
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT1M
                  - id: b
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT1M
            """);
        var jobs = run.Apply(new ExecutionStarted()).Jobs;

        var killed = run.Apply(new KillRequested());
        var late = run.Apply(new TaskRunEnded(jobs[0].TaskRunId, 1, State.Success, null));

        Assert.True(killed.Killed);
        Assert.Equal(State.Killed, run.Execution.State);
        Assert.All(run.Execution.TaskRuns, r => Assert.Equal(State.Killed, r.State));
        Assert.Contains(State.Killing, run.Execution.History.Changes.Select(c => c.State));
        Assert.False(late.Changed);
    }

    [Fact]
    public void A_kill_cascades_to_the_running_subflow_execution()
    {
        var run = new Simulation("""
            id: parent
            namespace: kite.tests
            tasks:
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.tests
                flowId: other
            """);
        run.Apply(new ExecutionStarted());

        Assert.Equal([run.Subflows.Single().ChildExecutionId], run.Apply(new KillRequested()).ChildrenToKill);
    }

    [Fact]
    public void A_restart_gives_the_failed_task_run_a_new_attempt_and_drops_the_errors_runs()
    {
        var run = new Simulation("""
            id: restartable
            namespace: kite.tests
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: one
              - id: flaky
                type: io.kestra.plugin.core.log.Log
                message: two
            errors:
              - id: alert
                type: io.kestra.plugin.core.log.Log
                message: failed
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: done
            """) { Outcome = job => (job.TaskId == "flaky" && job.Attempt == 1 ? State.Failed : State.Success, null) }.Run();
        Assert.Equal(State.Failed, run.Execution.State);
        Assert.Equal(["first", "flaky", "alert", "cleanup"], run.TaskIds());

        run.Continue(new RestartRequested());

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal(["first", "flaky", "cleanup"], run.TaskIds());
        Assert.Equal(2, run.Execution.TaskRuns[1].Attempts.Count);
        Assert.Single(run.Execution.TaskRuns[0].Attempts);
        Assert.Equal("true", run.Execution.Labels["system.restarted"]);
        Assert.Contains(State.Restarted, run.Execution.History.Changes.Select(c => c.State));
    }

    [Fact]
    public void A_restart_of_a_successful_execution_is_refused()
    {
        var run = new Simulation("""
            id: fine
            namespace: kite.tests
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """).Run();

        Assert.False(run.Apply(new RestartRequested()).Changed);
    }

    [Theory]
    [InlineData(Kite.Core.Flows.ConcurrencyBehavior.Queue, State.Queued)]
    [InlineData(Kite.Core.Flows.ConcurrencyBehavior.Cancel, State.Cancelled)]
    [InlineData(Kite.Core.Flows.ConcurrencyBehavior.Fail, State.Failed)]
    public void An_execution_over_the_concurrency_limit_is_queued_cancelled_or_failed(Kite.Core.Flows.ConcurrencyBehavior behavior, State expected)
    {
        var run = new Simulation("""
            id: limited
            namespace: kite.tests
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);

        run.Apply(new ConcurrencyLimitReached(behavior, 1));

        Assert.Equal(expected, run.Execution.State);
        Assert.Empty(run.Sent);
    }

    [Fact]
    public void A_dequeued_execution_starts()
    {
        var run = new Simulation("""
            id: limited
            namespace: kite.tests
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);
        run.Apply(new ConcurrencyLimitReached(Kite.Core.Flows.ConcurrencyBehavior.Queue, 1));

        run.Continue(new ExecutionDequeued());

        Assert.Equal([State.Created, State.Queued, State.Running, State.Success], run.Execution.History.Changes.Select(c => c.State));
    }
}
