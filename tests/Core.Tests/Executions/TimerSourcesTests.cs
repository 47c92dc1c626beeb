using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Core.Flows;

namespace Kite.Core.Tests.Executions;

/// <summary>
/// The executor skips deleting an ended execution's timers when <see cref="TimerSources.MayHaveTimers"/> says it has
/// none: every kind of timer a step can store must come from a flow or execution that predicate recognises.
/// </summary>
public sealed class TimerSourcesTests
{
    private const string Failing = "boom";

    public static TheoryData<string, TimerKind> FlowsThatStoreTimers => new()
    {
        {
            """
            id: task-retry
            namespace: kite.tests
            tasks:
              - id: boom
                type: io.kestra.plugin.core.log.Log
                message: hi
                retry:
                  type: constant
                  interval: PT5S
                  maxAttempts: 2
            """, TimerKind.Retry
        },
        {
            """
            id: parent-retry
            namespace: kite.tests
            tasks:
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                retry:
                  type: constant
                  interval: PT5S
                  maxAttempts: 2
                tasks:
                  - id: boom
                    type: io.kestra.plugin.core.log.Log
                    message: hi
            """, TimerKind.Retry
        },
        {
            """
            id: flow-retry
            namespace: kite.tests
            retry:
              type: constant
              interval: PT5S
              maxAttempts: 2
            tasks:
              - id: boom
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, TimerKind.Retry
        },
        {
            """
            id: pause
            namespace: kite.tests
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT1M
            """, TimerKind.PauseEnded
        },
        {
            """
            id: poll
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "false"
                checkFrequency:
                  interval: PT10S
                  maxIterations: 2
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.log.Log
                    message: tick
            """, TimerKind.LoopCheck
        },
    };

    [Theory]
    [MemberData(nameof(FlowsThatStoreTimers))]
    public void A_flow_whose_steps_store_a_timer_may_have_timers(string yaml, TimerKind kind)
    {
        var run = new Simulation(yaml) { Outcome = job => (job.TaskId == Failing ? State.Failed : State.Success, null) };
        var stored = new List<ExecutionTimer>();
        stored.AddRange(run.Apply(new ExecutionStarted()).Timers);
        while (run.Sent.Count > 0 && !run.Execution.State.IsTerminated() && stored.Count == 0)
        {
            var job = run.Sent[0];
            run.Sent.RemoveAt(0);
            stored.AddRange(run.Apply(new TaskRunStarted(job.TaskRunId, job.Attempt)).Timers);
            var (state, outputs) = run.Outcome(job);
            stored.AddRange(run.Apply(new TaskRunEnded(job.TaskRunId, job.Attempt, state, outputs)).Timers);
        }

        Assert.Contains(stored, t => t.Kind == kind);
        Assert.True(TimerSources.MayHaveTimers(run.Flow, run.Execution));
    }

    [Fact]
    public void An_execution_scheduled_for_later_may_have_timers()
    {
        var flow = FlowReader.ReadOne(Plain).Flow!;
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var execution = new Execution
        {
            Id = "exec1",
            Namespace = flow.Namespace,
            FlowId = flow.Id,
            FlowRevision = 1,
            History = new StateHistory(State.Created, now),
            ScheduleDate = now.AddHours(1),
        };

        var result = ExecutionStep.Apply(flow, execution, [new ExecutionStarted()], new StepEnvironment(now, () => "tr1"));

        Assert.Contains(result.Timers, t => t.Kind == TimerKind.ScheduledStart);
        Assert.True(TimerSources.MayHaveTimers(flow, execution));
    }

    [Fact]
    public void Every_timer_kind_has_a_flow_above_that_stores_it()
    {
        var covered = FlowsThatStoreTimers.Select(row => (TimerKind)row[1]).Append(TimerKind.ScheduledStart).ToHashSet();

        Assert.Equal(Enum.GetValues<TimerKind>().ToHashSet(), covered);
    }

    [Fact]
    public void A_flow_without_retries_pauses_loops_or_a_schedule_date_stores_no_timer_and_has_none()
    {
        var run = new Simulation(Plain) { Outcome = _ => (State.Failed, null) }.Run();

        Assert.True(run.Execution.State.IsTerminated());
        Assert.Empty(run.Timers);
        Assert.False(TimerSources.MayHaveTimers(run.Flow, run.Execution));
    }

    [Fact]
    public void An_execution_whose_flow_is_missing_may_have_timers()
    {
        var run = new Simulation(Plain);

        Assert.True(TimerSources.MayHaveTimers(null, run.Execution));
    }

    private const string Plain = """
        id: webhook-simple
        namespace: kite.tests
        tasks:
          - id: output
            type: io.kestra.plugin.core.output.OutputValues
            values:
              received: hi
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ outputs.output.values.received }}"
        """;
}
