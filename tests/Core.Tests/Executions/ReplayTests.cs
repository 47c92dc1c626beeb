using Kite.Core.Executions;
using Kite.Core.Executions.Events;

namespace Kite.Core.Tests.Executions;

public sealed class ReplayTests
{
    private const string Flow = """
        id: replayable
        namespace: kite.tests
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: one
          - id: group
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: inner
                type: io.kestra.plugin.core.log.Log
                message: two
              - id: flaky
                type: io.kestra.plugin.core.log.Log
                message: three
        """;

    [Fact]
    public void A_replay_from_a_task_run_keeps_the_ended_runs_before_it_and_reruns_its_flowable_parent()
    {
        var original = new Simulation(Flow) { Outcome = job => (job.TaskId == "flaky" ? State.Failed : State.Success, null) }.Run();
        var flaky = original.Execution.TaskRuns.Single(r => r.TaskId == "flaky");
        var ids = 0;

        var replay = ExecutionReplay.From(original.Execution, flaky.Id, 1, "replay1", () => $"new{++ids}", original.Now);

        Assert.Equal(["first", "group", "inner"], replay.TaskRuns.Select(r => r.TaskId));
        Assert.Equal(State.Running, replay.TaskRuns[1].State);
        Assert.Equal("new2", replay.TaskRuns[2].ParentTaskRunId);
        Assert.Equal(original.Execution.Id, replay.OriginalId);
        Assert.Equal("true", replay.Labels["system.replay"]);
        Assert.Equal(State.Created, replay.State);
    }

    [Fact]
    public void A_replayed_execution_runs_only_what_comes_after_the_copied_runs()
    {
        var original = new Simulation(Flow) { Outcome = job => (job.TaskId == "flaky" ? State.Failed : State.Success, null) }.Run();
        var flaky = original.Execution.TaskRuns.Single(r => r.TaskId == "flaky");
        var replay = ExecutionReplay.From(original.Execution, flaky.Id, 1, "replay1", () => Guid.NewGuid().ToString(), original.Now);

        var jobs = ExecutionStep.Apply(original.Flow, replay, new ExecutionStarted(), new StepEnvironment(original.Now, () => Guid.NewGuid().ToString())).Jobs;

        Assert.Equal(["flaky"], jobs.Select(j => j.TaskId));
    }

    [Fact]
    public void A_replay_without_a_task_run_starts_over_with_the_same_inputs()
    {
        var original = new Simulation(Flow, new() { ["x"] = 1L }).Run();

        var replay = ExecutionReplay.From(original.Execution, null, 1, "replay1", () => "t", original.Now);

        Assert.Empty(replay.TaskRuns);
        Assert.Equal(1L, replay.Inputs["x"]);
    }

    [Fact]
    public void New_labels_replace_the_user_labels_and_keep_the_system_ones()
    {
        var run = new Simulation(Flow).Run();
        run.Execution.Labels["system.restarted"] = "true";
        run.Execution.Labels["old"] = "x";

        run.Apply(new LabelsReplaced(new() { ["team"] = "ops" }));

        Assert.Equal(new Dictionary<string, string> { ["system.restarted"] = "true", ["team"] = "ops" }, run.Execution.Labels);
    }
}
