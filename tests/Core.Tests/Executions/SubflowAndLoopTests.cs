using Kite.Core.Executions;
using Kite.Core.Executions.Events;

namespace Kite.Core.Tests.Executions;

public sealed class SubflowAndLoopTests
{
    private const string Parent = """
        id: parent
        namespace: kite.tests
        labels:
          team: data
        tasks:
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: kite.tests
            flowId: other
            inheritLabels: true
            inputs:
              name: "{{ flow.id }}"
          - id: use
            type: io.kestra.plugin.core.log.Log
            message: "{{ outputs.child.outputs.answer }}"
        """;

    [Fact]
    public void A_Subflow_asks_for_a_child_execution_with_rendered_inputs_and_inherited_labels()
    {
        var run = new Simulation(Parent);
        run.Execution.Labels["team"] = "data";

        run.Apply(new ExecutionStarted());

        var launch = run.Subflows.Single();
        Assert.Equal("other", launch.Task.FlowId);
        Assert.Equal("parent", launch.Inputs["name"]);
        Assert.Equal("data", launch.Labels["team"]);
        Assert.Equal(State.Running, run.StateOf("child"));
    }

    [Fact]
    public void The_child_outputs_become_the_Subflow_task_outputs_when_it_ends()
    {
        var run = new Simulation(Parent);
        run.Apply(new ExecutionStarted());
        var taskRun = run.Subflows.Single().TaskRunId;
        var c1 = run.Subflows.Single().ChildExecutionId;

        run.Continue(new SubflowEnded(taskRun, c1, State.Success, new() { ["answer"] = 42L }));

        Assert.Equal(42L, run.Sent.Single(j => j.TaskId == "use").Variables["outputs"] is Dictionary<string, object?> o ? ((Dictionary<string, object?>)((Dictionary<string, object?>)o["child"]!)["outputs"]!)["answer"] : null);
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Theory]
    [InlineData(true, State.Failed)]
    [InlineData(false, State.Success)]
    public void A_failed_child_fails_the_Subflow_task_only_with_transmitFailed(bool transmit, State expected)
    {
        var run = new Simulation($"""
            id: parent
            namespace: kite.tests
            tasks:
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.tests
                flowId: other
                transmitFailed: {transmit.ToString().ToLowerInvariant()}
            """);
        run.Apply(new ExecutionStarted());
        var taskRun = run.Subflows.Single().TaskRunId;
        var c1 = run.Subflows.Single().ChildExecutionId;

        run.Apply(new SubflowEnded(taskRun, c1, State.Failed, null));

        Assert.Equal(expected, run.StateOf("child"));
    }

    [Fact]
    public void A_Subflow_that_does_not_wait_succeeds_as_soon_as_the_child_exists()
    {
        var run = new Simulation("""
            id: parent
            namespace: kite.tests
            tasks:
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.tests
                flowId: other
                wait: false
            """);

        run.Apply(new ExecutionStarted());

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal(run.Subflows.Single().ChildExecutionId, run.Execution.TaskRuns[0].Outputs!["executionId"]);
    }

    [Fact]
    public void A_Subflow_whose_child_cannot_start_fails_with_the_reason_logged()
    {
        var run = new Simulation(Parent);
        run.Apply(new ExecutionStarted());

        run.Apply(new SubflowStartFailed(run.Subflows.Single().TaskRunId, "flow kite.tests.other was not found"));

        Assert.Equal(State.Failed, run.Execution.State);
        Assert.Contains(run.Logs, l => l.Message.Contains("was not found", StringComparison.Ordinal));
    }

    [Fact]
    public void LoopUntil_repeats_its_tasks_every_interval_until_the_condition_holds()
    {
        var run = new Simulation("""
            id: poll
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ outputs.check.values.ready }}"
                checkFrequency:
                  interval: PT10S
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.output.OutputValues
                    values:
                      ready: false
            """) { Outcome = job => (State.Success, new() { ["values"] = new Dictionary<string, object?> { ["ready"] = job.Variables["taskrun"] is Dictionary<string, object?> t && (t["iteration"] as int? ?? Convert.ToInt32(t["iteration"] ?? 0, System.Globalization.CultureInfo.InvariantCulture)) >= 2 } }) }.Run();

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal(3, run.Execution.TaskRuns.Count(r => r.TaskId == "check"));
        Assert.Equal(3, run.Execution.TaskRuns[0].Outputs!["iterationCount"]);
        var checks = run.Execution.TaskRuns.Where(r => r.TaskId == "check").ToList();
        Assert.True(checks[1].History.StartDate - checks[0].History.EndDate!.Value >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void LoopUntil_stops_at_maxIterations_and_fails_only_with_failOnMaxReached()
    {
        var run = new Simulation("""
            id: poll
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "false"
                failOnMaxReached: true
                checkFrequency:
                  interval: PT1S
                  maxIterations: 4
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.log.Log
                    message: tick
            """).Run();

        Assert.Equal(4, run.Execution.TaskRuns.Count(r => r.TaskId == "check"));
        Assert.Equal(State.Failed, run.Execution.State);
    }
}
