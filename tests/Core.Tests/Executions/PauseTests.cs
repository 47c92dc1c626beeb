using Kite.Core.Executions;
using Kite.Core.Executions.Events;

namespace Kite.Core.Tests.Executions;

public sealed class PauseTests
{
    private const string Approval = """
        id: approval
        namespace: kite.tests
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
          - id: after
            type: io.kestra.plugin.core.log.Log
            message: "{{ outputs.wait.onResume.reason }}"
        """;

    [Fact]
    public void A_Pause_pauses_the_execution_until_resumed_and_its_outputs_hold_the_resume_inputs()
    {
        var run = new Simulation(Approval).Run();
        Assert.Equal(State.Paused, run.Execution.State);
        Assert.Equal(State.Paused, run.StateOf("wait"));
        Assert.Empty(run.Sent);

        run.Continue(new ResumeRequested(new() { ["reason"] = "ok" }));

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal("ok", ((Dictionary<string, object?>)run.Execution.TaskRuns[0].Outputs!["onResume"]!)["reason"]);
        Assert.Equal([State.Created, State.Running, State.Paused, State.Running, State.Success], run.Execution.History.Changes.Select(c => c.State));
    }

    [Theory]
    [InlineData("RESUME", State.Success, State.Success)]
    [InlineData("WARN", State.Warning, State.Warning)]
    [InlineData("FAIL", State.Failed, State.Failed)]
    [InlineData("CANCEL", State.Cancelled, State.Cancelled)]
    public void After_pauseDuration_the_behavior_decides_the_pause(string behavior, State pauseState, State executionState)
    {
        var run = new Simulation($"""
            id: timed
            namespace: kite.tests
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT5M
                behavior: {behavior}
            """).Run();

        Assert.Equal(pauseState, run.StateOf("wait"));
        Assert.Equal(executionState, run.Execution.State);
        Assert.True(run.Execution.TaskRuns[0].History.EndDate - run.Execution.TaskRuns[0].History.StartDate >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void A_resume_of_an_execution_that_is_not_paused_changes_nothing()
    {
        var run = new Simulation("""
            id: plain
            namespace: kite.tests
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """).Run();

        Assert.False(run.Apply(new ResumeRequested([])).Changed);
    }
}
