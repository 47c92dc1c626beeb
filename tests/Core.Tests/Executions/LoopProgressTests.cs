using Kite.Core.Executions;
using Kite.Core.Executions.Events;

namespace Kite.Core.Tests.Executions;

/// <summary>A ForEach keeps its progress between steps; what it decides must not depend on whether it kept it.</summary>
public sealed class LoopProgressTests
{
    private const string LoopWithAFailingValue = """
        id: loop-progress
        namespace: kite.tests
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "c", "d", "e", "f"]
            concurrencyLimit: 2
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
              - id: second
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
            errors:
              - id: recover
                type: io.kestra.plugin.core.log.Log
                message: "loop failed"
        """;

    private static (State, Dictionary<string, object?>?) FailSecondOfC(TaskRunJob job) =>
        (job.TaskId == "second" && job.Attempt == 1 && Value(job) == "c" ? State.Failed : State.Success, null);

    [Fact]
    public void A_loop_read_afresh_before_every_step_decides_exactly_as_one_kept_in_memory()
    {
        var kept = new Simulation(LoopWithAFailingValue) { Outcome = FailSecondOfC }.Run();
        var fresh = new Simulation(LoopWithAFailingValue) { Outcome = FailSecondOfC, FreshReads = true }.Run();

        Assert.Equal(State.Failed, kept.Execution.State);
        Assert.Equal(Runs(kept), Runs(fresh));
        Assert.Equal(kept.Execution.State, fresh.Execution.State);
        // c failed while d was going: no value after d starts, and the errors branch runs once.
        Assert.DoesNotContain(kept.Execution.TaskRuns, r => r.Value is "e" or "f");
        Assert.Single(kept.Execution.TaskRuns, r => r.TaskId == "recover");
    }

    [Fact]
    public void A_restarted_loop_runs_its_failed_value_again_and_goes_on_to_the_values_it_never_started()
    {
        var run = new Simulation(LoopWithAFailingValue) { Outcome = FailSecondOfC }.Run();

        run.Continue(new RestartRequested());

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], run.Execution.TaskRuns.Where(r => r.TaskId == "second").Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.Equal(2, run.Execution.TaskRuns.Single(r => r.TaskId == "second" && r.Value == "c").Attempts.Count);
        Assert.DoesNotContain(run.Execution.TaskRuns, r => r.TaskId == "recover");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_value_listed_twice_runs_once(int concurrencyLimit)
    {
        var run = new Simulation("""
            id: twice
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: ["x", "y", "x"]
                concurrencyLimit: LIMIT
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
            """.Replace("LIMIT", concurrencyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))).Run();

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal(["x", "y"], run.Execution.TaskRuns.Where(r => r.TaskId == "log").Select(r => r.Value));
    }

    [Fact]
    public void A_loop_of_two_thousand_values_one_at_a_time_runs_each_once_in_order()
    {
        var run = new Simulation("""
            id: long-loop
            namespace: kite.tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 2000) }}"
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
            """).Run();

        Assert.Equal(State.Success, run.Execution.State);
        Assert.Equal(1, run.MaxInFlight);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => i.ToString()), run.Execution.TaskRuns.Where(r => r.TaskId == "log").Select(r => r.Value));
    }

    private static string? Value(TaskRunJob job) => ((Dictionary<string, object?>)job.Variables["taskrun"]!)["value"] as string;

    private static List<string> Runs(Simulation simulation) =>
        [.. simulation.Execution.TaskRuns.Select(r => $"{r.TaskId}:{r.Value}:{r.State}:{r.Attempts.Count}")];
}
