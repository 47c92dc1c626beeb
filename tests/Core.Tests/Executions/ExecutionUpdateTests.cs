using Kite.Core.Executions;

namespace Kite.Core.Tests.Executions;

public sealed class ExecutionUpdateTests
{
    [Fact]
    public void SetVariables_and_Labels_run_in_the_executor_and_later_tasks_see_them()
    {
        var run = new Simulation("""
            id: vars
            namespace: kite.tests
            tasks:
              - id: set
                type: io.kestra.plugin.core.execution.SetVariables
                variables:
                  greeting: "hello {{ flow.id }}"
              - id: tag
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  team: data
              - id: use
                type: io.kestra.plugin.core.log.Log
                message: "{{ vars.greeting }}"
            """).Run();

        var job = run.Sent.Single();
        Assert.Equal("use", job.TaskId);
        Assert.Equal("hello vars", ((Dictionary<string, object?>)job.Variables["vars"]!)["greeting"]);
        Assert.Equal("data", run.Execution.Labels["team"]);
        Assert.Equal(State.Success, run.Execution.State);
    }

    [Fact]
    public void UnsetVariables_of_a_missing_variable_fails_the_task_unless_ignoreMissing()
    {
        var run = new Simulation("""
            id: unset
            namespace: kite.tests
            tasks:
              - id: drop
                type: io.kestra.plugin.core.execution.UnsetVariables
                variables: [nothing]
            """).Run();

        Assert.Equal(State.Failed, run.StateOf("drop"));
        Assert.Contains(run.Logs, l => l.Message.Contains("'nothing' is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Exit_ends_the_execution_at_once_in_the_state_it_names()
    {
        var run = new Simulation("""
            id: exit
            namespace: kite.tests
            tasks:
              - id: stop
                type: io.kestra.plugin.core.execution.Exit
                state: WARNING
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: not reached
            """).Run();

        Assert.Equal(["stop"], run.TaskIds());
        Assert.Equal(State.Warning, run.Execution.State);
    }
}
