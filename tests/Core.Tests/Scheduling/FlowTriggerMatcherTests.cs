using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;

namespace Kite.Core.Tests.Scheduling;

public sealed class FlowTriggerMatcherTests
{
    private static TriggeringExecution Run(string ns, string flow, State state, Dictionary<string, string>? labels = null) =>
        new($"{flow}-{state}", ns, flow, 1, state, labels ?? [], null);

    [Fact]
    public void A_trigger_ruled_out_by_its_states_or_its_flow_and_namespace_conditions_without_the_execution_never_matches_it()
    {
        var trigger = new FlowTrigger
        {
            States = [State.Failed, State.Running],
            Conditions =
            [
                new ExecutionNamespace { Namespace = "up", Comparison = NamespaceComparison.Prefix },
                new Or { Conditions = [new ExecutionFlow { Namespace = "elsewhere", FlowId = "x" }, new ExecutionLabels { Labels = [new Label("team", "a")] }] },
            ],
        };

        Assert.False(FlowTriggerMatcher.MayMatch(trigger, State.Success, "up.stream", "f"));
        Assert.False(FlowTriggerMatcher.MayMatch(trigger, State.Failed, "down", "f"));
        Assert.False(FlowTriggerMatcher.Matches(trigger, Run("down", "f", State.Failed, new() { ["team"] = "a" }), RenderContext.Empty));

        // What needs the execution (the labels inside Or) is left to Matches, which reads them.
        Assert.True(FlowTriggerMatcher.MayMatch(trigger, State.Running, "up.stream", "f"));
        Assert.True(FlowTriggerMatcher.Matches(trigger, Run("up.stream", "f", State.Running, new() { ["team"] = "a" }), RenderContext.Empty));
        Assert.False(FlowTriggerMatcher.Matches(trigger, Run("up.stream", "f", State.Running), RenderContext.Empty));
    }

    [Fact]
    public void Without_states_a_trigger_may_match_any_terminated_state_or_PAUSED_and_nothing_else()
    {
        var trigger = new FlowTrigger { Conditions = [new ExecutionFlow { Namespace = "n", FlowId = "f" }] };

        Assert.True(FlowTriggerMatcher.MayMatch(trigger, State.Killed, "n", "f"));
        Assert.True(FlowTriggerMatcher.MayMatch(trigger, State.Paused, "n", "f"));
        Assert.False(FlowTriggerMatcher.MayMatch(trigger, State.Running, "n", "f"));
        Assert.False(FlowTriggerMatcher.MayMatch(trigger, State.Killed, "n", "g"));
    }
}
