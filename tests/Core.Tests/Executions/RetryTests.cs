using Kite.Core.Executions;
using Kite.Core.Executions.Retries;
using Kite.Core.Flows.Retries;

namespace Kite.Core.Tests.Executions;

public sealed class RetryTests
{
    private const string Flaky = """
        id: flaky
        namespace: kite.tests
        tasks:
          - id: call
            type: io.kestra.plugin.core.log.Log
            message: hi
            retry:
              type: constant
              interval: PT2S
              maxAttempts: 3
              warningOnRetry: true
        """;

    [Fact]
    public void A_failed_attempt_is_retried_after_its_interval_through_a_stored_timer()
    {
        var run = new Simulation(Flaky) { Outcome = job => (job.Attempt < 3 ? State.Failed : State.Success, null) }.Run();

        var call = run.Execution.TaskRuns.Single();
        Assert.Equal(3, call.Attempts.Count);
        Assert.Equal([State.Failed, State.Failed, State.Success], call.Attempts.Select(a => a.State));
        Assert.Contains(State.Retrying, call.History.Changes.Select(c => c.State));
        Assert.True(call.Attempts[1].StartDate - call.Attempts[0].EndDate >= TimeSpan.FromSeconds(2));
        Assert.Equal(State.Warning, run.Execution.State);
    }

    [Fact]
    public void Each_job_counts_its_own_attempt_in_taskrun_attemptsCount()
    {
        var run = new Simulation(Flaky) { Outcome = job => (job.Attempt < 3 ? State.Failed : State.Success, null) }.Run();

        var counts = run.Sent.Select(job => ((IReadOnlyDictionary<string, object?>)job.Variables["taskrun"]!)["attemptsCount"]);
        Assert.Equal([1L, 2L, 3L], counts);
        Assert.Equal([1, 2, 3], run.Sent.Select(job => job.Attempt));
    }

    [Fact]
    public void Retries_stop_at_maxAttempts_and_the_task_fails()
    {
        var run = new Simulation(Flaky) { Outcome = _ => (State.Failed, null) }.Run();

        Assert.Equal(3, run.Execution.TaskRuns.Single().Attempts.Count);
        Assert.Equal(State.Failed, run.Execution.State);
    }

    [Fact]
    public void A_flow_level_retry_applies_to_tasks_without_their_own()
    {
        var run = new Simulation("""
            id: flowretry
            namespace: kite.tests
            retry:
              type: constant
              interval: PT1S
              maxAttempts: 2
            tasks:
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: call
                    type: io.kestra.plugin.core.log.Log
                    message: hi
            """) { Outcome = job => (job.Attempt == 1 ? State.Failed : State.Success, null) }.Run();

        Assert.Equal(2, run.Execution.TaskRuns.Single(r => r.TaskId == "call").Attempts.Count);
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void Retries_stop_when_the_next_attempt_would_start_after_maxDuration()
    {
        var policy = new ConstantRetry { Interval = "PT10S", MaxDuration = "PT15S" };
        var first = DateTimeOffset.UnixEpoch;

        Assert.NotNull(RetryDecision.Next(policy, 1, first, first.AddSeconds(1), 0));
        Assert.Null(RetryDecision.Next(policy, 2, first, first.AddSeconds(12), 0));
    }

    [Fact]
    public void Exponential_intervals_grow_by_the_delay_factor_up_to_maxInterval()
    {
        var policy = new ExponentialRetry { Interval = "PT1S", MaxInterval = "PT5S", DelayFactor = 2 };

        Assert.Equal([1, 2, 4, 5], [.. Enumerable.Range(1, 4).Select(n => RetryDecision.Delay(policy, n, 0).TotalSeconds)]);
    }

    [Fact]
    public void Random_intervals_fall_between_the_bounds()
    {
        var policy = new RandomRetry { MinInterval = "PT1S", MaxInterval = "PT3S" };

        Assert.Equal(2, RetryDecision.Delay(policy, 1, 0.5).TotalSeconds);
        Assert.Equal(1, RetryDecision.Delay(policy, 1, 0).TotalSeconds);
    }
}
