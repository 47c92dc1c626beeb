using Kite.Core.Executions;

namespace Kite.Core.Tests.Executions;

public sealed class FlowableTests
{
    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public void If_runs_then_when_the_condition_is_true_else_otherwise_and_outputs_evaluationResult(bool flag, string expected)
    {
        var run = new Simulation("""
            id: branch
            namespace: kite.tests
            inputs:
              - id: flag
                type: BOOL
            tasks:
              - id: decide
                type: io.kestra.plugin.core.flow.If
                condition: "{{ inputs.flag }}"
                then:
                  - id: "yes"
                    type: io.kestra.plugin.core.log.Log
                    message: yes
                else:
                  - id: "no"
                    type: io.kestra.plugin.core.log.Log
                    message: no
            """, new Dictionary<string, object?> { ["flag"] = flag }).Run();

        Assert.Equal(["decide", expected], run.TaskIds());
        Assert.Equal(flag, run.Execution.TaskRuns[0].Outputs!["evaluationResult"]);
        Assert.Equal(State.Success, run.Execution.State);
        Assert.DoesNotContain(run.Sent, j => j.TaskId == "decide");
    }

    [Fact]
    public void Switch_runs_the_matching_case_and_otherwise_the_defaults()
    {
        const string Yaml = """
            id: sw
            namespace: kite.tests
            inputs:
              - id: kind
                type: STRING
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: "{{ inputs.kind }}"
                cases:
                  A:
                    - id: caseA
                      type: io.kestra.plugin.core.log.Log
                      message: a
                defaults:
                  - id: fallback
                    type: io.kestra.plugin.core.log.Log
                    message: other
            """;

        Assert.Equal(["route", "caseA"], new Simulation(Yaml, new() { ["kind"] = "A" }).Run().TaskIds());
        var other = new Simulation(Yaml, new() { ["kind"] = "Z" }).Run();
        Assert.Equal(["route", "fallback"], other.TaskIds());
        Assert.Equal(true, other.Execution.TaskRuns[0].Outputs!["defaults"]);
    }

    [Fact]
    public void Parallel_with_concurrent_2_never_has_more_than_2_children_out_at_once()
    {
        var run = new Simulation("""
            id: par
            namespace: kite.tests
            tasks:
              - id: fan
                type: io.kestra.plugin.core.flow.Parallel
                concurrent: 2
                tasks:
                  - id: p1
                    type: io.kestra.plugin.core.log.Log
                    message: "1"
                  - id: p2
                    type: io.kestra.plugin.core.log.Log
                    message: "2"
                  - id: p3
                    type: io.kestra.plugin.core.log.Log
                    message: "3"
                  - id: p4
                    type: io.kestra.plugin.core.log.Log
                    message: "4"
            """).Run();

        Assert.Equal(2, run.MaxInFlight);
        Assert.Equal(5, run.Execution.TaskRuns.Count);
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void Parallel_without_a_limit_sends_every_child_in_the_first_step()
    {
        var simulation = new Simulation("""
            id: par0
            namespace: kite.tests
            tasks:
              - id: fan
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: p1
                    type: io.kestra.plugin.core.log.Log
                    message: "1"
                  - id: p2
                    type: io.kestra.plugin.core.log.Log
                    message: "2"
                  - id: p3
                    type: io.kestra.plugin.core.log.Log
                    message: "3"
            """);

        Assert.Equal(3, simulation.Apply(new Core.Executions.Events.ExecutionStarted()).Jobs.Count);
    }

    [Fact]
    public void A_failed_child_fails_the_parallel_and_the_execution()
    {
        var run = new Simulation("""
            id: parfail
            namespace: kite.tests
            tasks:
              - id: fan
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: good
                    type: io.kestra.plugin.core.log.Log
                    message: "1"
                  - id: bad
                    type: io.kestra.plugin.core.execution.Fail
            """) { Outcome = job => (job.TaskId == "bad" ? State.Failed : State.Success, null) }.Run();

        Assert.Equal(State.Failed, run.StateOf("fan"));
        Assert.Equal(State.Failed, run.Execution.State);
    }

    [Fact]
    public void ForEach_with_concurrencyLimit_1_runs_values_one_after_the_other_and_nests_outputs_by_value()
    {
        var run = new Simulation("""
            id: each
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a", "b", "c"]
                tasks:
                  - id: echo
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.value }}"
                  - id: after
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ outputs.echo[taskrun.value].value }}"
            """) { Outcome = job => (State.Success, job.TaskId == "echo" ? new() { ["value"] = ((Dictionary<string, object?>)job.Variables["taskrun"]!)["value"] } : null) }.Run();

        Assert.Equal(1, run.MaxInFlight);
        Assert.Equal(["loop", "echo", "after", "echo", "after", "echo", "after"], run.TaskIds());
        Assert.Equal(["a", "a", "b", "b", "c", "c"], run.Execution.TaskRuns.Skip(1).Select(r => r.Value));
        var lastJob = run.Sent.Last();
        var echo = (Dictionary<string, object?>)((Dictionary<string, object?>)lastJob.Variables["outputs"]!)["echo"]!;
        Assert.Equal(["a", "b", "c"], echo.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void ForEach_with_concurrencyLimit_0_starts_every_value_at_once()
    {
        var simulation = new Simulation("""
            id: each0
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: "[1, 2, 3, 4]"
                concurrencyLimit: 0
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
            """);

        var first = simulation.Apply(new Core.Executions.Events.ExecutionStarted());

        Assert.Equal(["1", "2", "3", "4"], first.Jobs.Select(j => ((Dictionary<string, object?>)j.Variables["taskrun"]!)["value"]));
        Assert.Equal([0L, 1L, 2L, 3L], first.Jobs.Select(j => ((Dictionary<string, object?>)j.Variables["taskrun"]!)["iteration"]));
    }

    [Fact]
    public void ForEach_values_that_are_not_a_list_fail_the_loop_with_a_message()
    {
        var run = new Simulation("""
            id: eachbad
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: "not a list"
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: x
            """).Run();

        Assert.Equal(State.Failed, run.Execution.State);
        Assert.Contains(run.Logs, l => l.TaskId == "loop" && l.Message.Contains("must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Dag_starts_a_task_only_when_everything_it_depends_on_has_ended()
    {
        var run = new Simulation("""
            id: dag
            namespace: kite.tests
            tasks:
              - id: graph
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task:
                      id: last
                      type: io.kestra.plugin.core.log.Log
                      message: last
                    dependsOn: [left, right]
                  - task:
                      id: left
                      type: io.kestra.plugin.core.log.Log
                      message: left
                  - task:
                      id: right
                      type: io.kestra.plugin.core.log.Log
                      message: right
            """).Run();

        var order = run.TaskIds().ToList();
        Assert.True(order.IndexOf("last") > order.IndexOf("left") && order.IndexOf("last") > order.IndexOf("right"));
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void AllowFailure_turns_a_failure_inside_it_into_WARNING()
    {
        var run = new Simulation("""
            id: allowflow
            namespace: kite.tests
            tasks:
              - id: guard
                type: io.kestra.plugin.core.flow.AllowFailure
                tasks:
                  - id: bad
                    type: io.kestra.plugin.core.execution.Fail
            """) { Outcome = _ => (State.Failed, null) }.Run();

        Assert.Equal(State.Warning, run.StateOf("guard"));
        Assert.Equal(State.Warning, run.Execution.State);
    }
}
