using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Inputs;

namespace Kite.Core.Tests.Executions;

/// <summary>
/// A value the step reads from a task and cannot use (a duration or date that does not read, one past the calendar,
/// an expression over the executor's budget) fails that task run with a message naming it; the step itself never throws,
/// so its message is never redelivered forever.
/// </summary>
public sealed class UnreadableTaskValuesTests
{
    [Fact]
    public void A_Pause_whose_rendered_duration_does_not_read_fails_naming_pauseDuration_and_never_pauses_the_execution()
    {
        var run = new Simulation("""
            id: bad-pause
            namespace: kite.tests
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: "{{ 'soon' }}"
            """).Run();

        Assert.Equal(State.Failed, run.StateOf("wait"));
        Assert.Equal(State.Failed, run.Execution.State);
        Assert.DoesNotContain(run.Execution.History.Changes, c => c.State == State.Paused);
        Assert.Contains(run.Logs, l => l.Level == "ERROR" && l.Message.Contains("pauseDuration 'soon' is not an ISO-8601 duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Pause_that_would_end_past_the_year_9999_fails_instead_of_overflowing_the_clock()
    {
        var run = new Simulation("""
            id: far-pause
            namespace: kite.tests
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: "{{ 'P9999999D' }}"
            """).Run();

        Assert.Equal(State.Failed, run.Execution.State);
        Assert.Contains(run.Logs, l => l.Message.Contains("outside the calendar", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Subflow_whose_scheduleDate_is_not_a_date_fails_naming_scheduleDate_and_launches_nothing()
    {
        var run = new Simulation("""
            id: bad-date
            namespace: kite.tests
            tasks:
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: kite.tests
                flowId: other
                scheduleDate: "{{ 'tomorrow' }}"
            """).Run();

        Assert.Equal(State.Failed, run.StateOf("child"));
        Assert.Empty(run.Subflows);
        Assert.Contains(run.Logs, l => l.Message.Contains("scheduleDate 'tomorrow' is not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retry_due_past_the_calendar_is_a_spent_policy_and_the_task_fails_once()
    {
        var simulation = new Simulation("""
            id: far-retry
            namespace: kite.tests
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.log.Log
                message: hi
                retry:
                  type: constant
                  interval: P9999999D
                  maxAttempts: 3
            """)
        { Outcome = _ => (State.Failed, null) };

        var run = simulation.Run();

        Assert.Equal(State.Failed, run.Execution.State);
        Assert.Single(run.Execution.TaskRuns[0].Attempts);
        Assert.Empty(run.Timers);
    }

    [Fact]
    public void The_executor_budget_given_to_the_step_limits_a_runIf_and_fails_only_that_task_run()
    {
        var run = new Simulation("""
            id: heavy-if
            namespace: kite.tests
            tasks:
              - id: heavy
                type: io.kestra.plugin.core.log.Log
                message: never
                runIf: "{{ range(1, 1000) | length > 0 }}"
              - id: next
                type: io.kestra.plugin.core.log.Log
                message: still runs
                allowFailure: true
            """)
        { Budget = RenderBudget.Default with { MaxSteps = 100 } }.Run();

        Assert.Equal(State.Failed, run.StateOf("heavy"));
        Assert.Contains(run.Logs, l => l.Message.Contains("limit of 100 steps", StringComparison.Ordinal));
    }

    [Fact]
    public void A_YAML_input_whose_aliases_multiply_is_refused_as_invalid_before_it_is_built()
    {
        var laughs = string.Join("\n", ["a: &a [x, x, x, x, x, x, x, x, x, x]", .. Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]")]);

        var resolved = InputResolver.Resolve([new YamlInput { Id = "doc" }], new Dictionary<string, object?> { ["doc"] = laughs });

        var error = Assert.Single(resolved.Errors);
        Assert.Equal("doc", error.InputId);
        Assert.Contains("alias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_YAML_input_nested_past_the_flow_limit_is_refused_naming_the_depth()
    {
        var deep = new string('[', 5000) + new string(']', 5000);

        var resolved = InputResolver.Resolve([new YamlInput { Id = "doc" }], new Dictionary<string, object?> { ["doc"] = deep });

        Assert.Contains("nesting deeper than 64 levels", Assert.Single(resolved.Errors).Message, StringComparison.Ordinal);
    }
}
