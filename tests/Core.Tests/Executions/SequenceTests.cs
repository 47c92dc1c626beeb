using Kite.Core.Executions;

namespace Kite.Core.Tests.Executions;

public sealed class SequenceTests
{
    private const string ThreeLogs = """
        id: seq
        namespace: kite.tests
        tasks:
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: one
          - id: b
            type: io.kestra.plugin.core.log.Log
            message: two
          - id: c
            type: io.kestra.plugin.core.log.Log
            message: three
        """;

    [Fact]
    public void Tasks_run_one_after_the_other_and_the_execution_succeeds()
    {
        var run = new Simulation(ThreeLogs).Run();

        Assert.Equal(["a", "b", "c"], run.TaskIds());
        Assert.Equal(1, run.MaxInFlight);
        Assert.Equal(State.Success, run.Execution.State);
        Assert.All(run.Execution.TaskRuns, r => Assert.Equal([State.Created, State.Submitted, State.Running, State.Success], r.History.Changes.Select(c => c.State)));
    }

    [Fact]
    public void A_failed_task_stops_the_sequence_runs_errors_then_finally_and_the_execution_stays_failed()
    {
        var run = new Simulation("""
            id: errors
            namespace: kite.tests
            tasks:
              - id: fails
                type: io.kestra.plugin.core.execution.Fail
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: not reached
            errors:
              - id: handler
                type: io.kestra.plugin.core.log.Log
                message: handled
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: cleanup
            """) { Outcome = job => (job.TaskId == "fails" ? State.Failed : State.Success, null) }.Run();

        Assert.Equal(["fails", "handler", "cleanup"], run.TaskIds());
        Assert.Equal(State.Failed, run.Execution.State);
    }

    [Fact]
    public void Finally_runs_after_a_successful_sequence_without_the_errors_branch()
    {
        var run = new Simulation("""
            id: fin
            namespace: kite.tests
            tasks:
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: ok
            errors:
              - id: handler
                type: io.kestra.plugin.core.log.Log
                message: handled
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: cleanup
            """).Run();

        Assert.Equal(["ok", "cleanup"], run.TaskIds());
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void A_failure_of_a_task_with_allowFailure_makes_it_and_the_execution_WARNING_and_the_next_task_runs()
    {
        var run = new Simulation("""
            id: allow
            namespace: kite.tests
            tasks:
              - id: shaky
                type: io.kestra.plugin.core.execution.Fail
                allowFailure: true
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: still runs
            """) { Outcome = job => (job.TaskId == "shaky" ? State.Failed : State.Success, null) }.Run();

        Assert.Equal(State.Warning, run.StateOf("shaky"));
        Assert.Equal(State.Success, run.StateOf("after"));
        Assert.Equal(State.Warning, run.Execution.State);
    }

    [Fact]
    public void A_task_whose_runIf_renders_false_is_SKIPPED_and_never_sent_to_a_worker()
    {
        var run = new Simulation("""
            id: runif
            namespace: kite.tests
            inputs:
              - id: go
                type: BOOL
            tasks:
              - id: maybe
                type: io.kestra.plugin.core.log.Log
                message: hi
                runIf: "{{ inputs.go }}"
              - id: always
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, new Dictionary<string, object?> { ["go"] = false }).Run();

        Assert.Equal(State.Skipped, run.StateOf("maybe"));
        Assert.DoesNotContain(run.Sent, j => j.TaskId == "maybe");
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void Disabled_tasks_are_left_out()
    {
        var run = new Simulation("""
            id: disabled
            namespace: kite.tests
            tasks:
              - id: off
                type: io.kestra.plugin.core.log.Log
                message: hi
                disabled: true
              - id: on
                type: io.kestra.plugin.core.log.Log
                message: hi
            """).Run();

        Assert.Equal(["on"], run.TaskIds());
    }

    [Fact]
    public void A_task_that_ended_before_it_was_reported_running_shows_RUNNING_from_when_the_worker_started_it()
    {
        var simulation = new Simulation(ThreeLogs);
        var first = simulation.Apply(new Core.Executions.Events.ExecutionStarted()).Jobs.Single();
        var submitted = simulation.Execution.TaskRuns[0].History.Changes[^1].Date;
        var started = submitted.AddTicks(5);

        var ended = simulation.Apply(new Core.Executions.Events.TaskRunEnded(first.TaskRunId, 1, State.Success, null, started));

        var history = simulation.Execution.TaskRuns[0].History.Changes;
        Assert.Equal([State.Created, State.Submitted, State.Running, State.Success], history.Select(c => c.State));
        Assert.Equal(started, history[2].Date);
        Assert.Equal(State.Success, simulation.Execution.TaskRuns[0].Attempts[0].State);
        Assert.Equal("b", Assert.Single(ended.Jobs).TaskId);
    }

    [Fact]
    public void A_worker_start_time_out_of_order_with_the_history_is_kept_in_order()
    {
        var simulation = new Simulation(ThreeLogs);
        var first = simulation.Apply(new Core.Executions.Events.ExecutionStarted()).Jobs.Single();
        var submitted = simulation.Execution.TaskRuns[0].History.Changes[^1].Date;

        simulation.Apply(new Core.Executions.Events.TaskRunEnded(first.TaskRunId, 1, State.Success, null, submitted.AddHours(-1)));

        var dates = simulation.Execution.TaskRuns[0].History.Changes.Select(c => c.Date).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(submitted, dates[2]);
    }

    [Fact]
    public void A_duplicate_or_late_result_for_an_ended_attempt_is_ignored()
    {
        var simulation = new Simulation(ThreeLogs);
        var first = simulation.Apply(new Core.Executions.Events.ExecutionStarted()).Jobs.Single();
        simulation.Apply(new Core.Executions.Events.TaskRunEnded(first.TaskRunId, 1, State.Success, null));

        var again = simulation.Apply(new Core.Executions.Events.TaskRunEnded(first.TaskRunId, 1, State.Failed, null));

        Assert.False(again.Changed);
        Assert.Empty(again.Jobs);
        Assert.Equal(State.Success, simulation.StateOf("a"));
        Assert.Equal(2, simulation.Execution.TaskRuns.Count);
    }

    [Fact]
    public void Flow_outputs_are_rendered_at_the_end_and_a_render_failure_fails_the_execution()
    {
        const string Yaml = """
            id: outputs
            namespace: kite.tests
            tasks:
              - id: produce
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  answer: 42
            outputs:
              - id: result
                type: STRING
                value: "{{ outputs.produce.values.answer }}"
            """;
        var ok = new Simulation(Yaml) { Outcome = _ => (State.Success, new() { ["values"] = new Dictionary<string, object?> { ["answer"] = "42" } }) }.Run();
        var broken = new Simulation(Yaml).Run();

        Assert.Equal(State.Success, ok.Execution.State);
        Assert.Equal("42", ok.Execution.Outputs!["result"]);
        Assert.Equal(State.Failed, broken.Execution.State);
        Assert.Contains(broken.Logs, l => l.Message.Contains("flow outputs", StringComparison.Ordinal));
    }
}
