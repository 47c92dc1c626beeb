using Kite.Core.Executions;
using Kite.Core.Executions.Events;

namespace Kite.Core.Tests.Executions;

public sealed class RetryInNewExecutionTests
{
    private const string Flaky = """
        id: flaky
        namespace: kite.tests
        tasks:
          - id: seq
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: call
                type: io.kestra.plugin.core.log.Log
                message: hi
                retry:
                  behavior: CREATE_NEW_EXECUTION
                  type: constant
                  interval: PT5S
                  maxAttempts: 3
        """;

    private static Simulation Failing(string yaml) => new(yaml) { Outcome = _ => (State.Failed, null) };

    [Fact]
    public void A_failed_task_is_RETRIED_with_its_parents_the_execution_ends_RETRIED_and_a_replay_is_asked_for_as_attempt_2()
    {
        var first = Failing(Flaky).Run();

        var call = first.Execution.TaskRuns.Single(r => r.TaskId == "call");
        Assert.Equal(State.Retried, call.State);
        Assert.Equal([State.Failed], call.Attempts.Select(a => a.State));
        Assert.Equal(State.Retried, first.StateOf("seq"));
        Assert.Equal(State.Retried, first.Execution.State);
        Assert.DoesNotContain(first.Logs, l => l.Message.Contains("not supported", StringComparison.Ordinal));

        var retry = Assert.Single(first.Retries);
        Assert.NotEqual(first.Execution.Id, retry.Id);
        Assert.Equal(State.Created, retry.State);
        Assert.Empty(retry.TaskRuns);
        Assert.Equal(2, retry.AttemptNumber);
        Assert.Equal(first.Execution.History.StartDate, retry.OriginalCreatedDate);
        Assert.Equal(first.Execution.Id, retry.OriginalId);
        Assert.Equal(first.Execution.FlowRevision, retry.FlowRevision);
        Assert.Equal(call.Attempts[0].EndDate!.Value.AddSeconds(5), retry.ScheduleDate);
    }

    [Fact]
    public void The_new_execution_stays_CREATED_with_a_stored_timer_until_its_retry_delay_is_over_then_runs()
    {
        var second = Failing(Flaky).Run().NextAttempt();
        second.Outcome = _ => (State.Success, null);

        var handedOver = second.Apply(new ExecutionStarted());
        Assert.Equal(State.Created, second.Execution.State);
        var timer = Assert.Single(handedOver.Timers);
        Assert.Equal(TimerKind.ScheduledStart, timer.Kind);
        Assert.Equal(second.Execution.ScheduleDate, timer.Due);

        var due = second.FireEarliestTimer();
        Assert.Equal(State.Running, second.Execution.State);
        Assert.True(second.Now >= second.Execution.ScheduleDate);
        Assert.Single(due.Jobs);
    }

    [Fact]
    public void Attempts_are_counted_over_the_chain_of_executions_and_the_third_fails_at_maxAttempts_3()
    {
        var first = Failing(Flaky).Run();
        var second = first.NextAttempt().Run();
        var third = second.NextAttempt().Run();

        Assert.Equal(State.Retried, second.Execution.State);
        Assert.Equal(3, third.Execution.AttemptNumber);
        Assert.Equal(first.Execution.History.StartDate, third.Execution.OriginalCreatedDate);
        Assert.Equal(first.Execution.Id, third.Execution.OriginalId);
        Assert.Equal(State.Failed, third.Execution.State);
        Assert.Equal(State.Failed, third.StateOf("call"));
        Assert.Empty(third.Retries);
    }

    [Fact]
    public void The_chain_stops_when_the_next_execution_would_start_after_maxDuration_from_the_first()
    {
        var first = Failing("""
            id: bounded
            namespace: kite.tests
            retry:
              behavior: CREATE_NEW_EXECUTION
              type: constant
              interval: PT10S
              maxDuration: PT15S
            tasks:
              - id: call
                type: io.kestra.plugin.core.log.Log
                message: hi
            """).Run();
        var second = first.NextAttempt().Run();

        Assert.Equal(State.Retried, first.Execution.State);
        Assert.Equal(State.Failed, second.Execution.State);
        Assert.Empty(second.Retries);
    }

    [Fact]
    public void Runs_still_open_when_the_execution_is_retried_are_killed_and_workers_are_told()
    {
        var run = new Simulation("""
            id: wide
            namespace: kite.tests
            tasks:
              - id: both
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: call
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                    retry:
                      behavior: CREATE_NEW_EXECUTION
                      type: constant
                      interval: PT1S
                      maxAttempts: 2
                  - id: slow
                    type: io.kestra.plugin.core.log.Log
                    message: hi
            """);

        var started = run.Apply(new ExecutionStarted());
        var call = started.Jobs.Single(j => j.TaskId == "call");
        var ended = run.Apply(new TaskRunEnded(call.TaskRunId, call.Attempt, State.Failed, null));

        Assert.Equal(State.Retried, run.Execution.State);
        Assert.Equal(State.Killed, run.StateOf("slow"));
        Assert.True(ended.Killed);
        Assert.Single(ended.Retries);
    }
}
