using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;

namespace Kite.Core.Scheduling;

/// <summary>Whether a Flow trigger starts its flow for a state change of another execution, and with which variables.</summary>
public static class FlowTriggerMatcher
{
    /// <summary>Kestra's default <c>states</c>: every terminated state and PAUSED.</summary>
    public static readonly IReadOnlyList<State> DefaultStates =
        [State.Success, State.Warning, State.Failed, State.Killed, State.Cancelled, State.Skipped, State.Retried, State.Paused];

    public static bool StateMatches(FlowTrigger trigger, State state) => (trigger.States ?? DefaultStates).Contains(state);

    /// <summary>
    /// Whether the trigger may match a state change known only by its state, namespace and flow: <c>states</c>, and
    /// the flow and namespace conditions among <c>conditions</c> (all must hold, so one that fails rules the trigger
    /// out). False means <see cref="Matches"/> is false too, so the execution need not be read.
    /// </summary>
    public static bool MayMatch(FlowTrigger trigger, State state, string @namespace, string flowId)
    {
        if (!StateMatches(trigger, state))
        {
            return false;
        }

        var known = new TriggeringExecution("", @namespace, flowId, 0, state, new Dictionary<string, string>(), null);
        return (trigger.Conditions ?? []).All(c => c is not (ExecutionFlow or FlowCondition or ExecutionNamespace) || ConditionEvaluator.Holds(c, RenderContext.Empty, known));
    }

    /// <summary>The states that can concern any Flow trigger: a consumer can ignore every other state change.</summary>
    public static bool MayConcern(State state) => DefaultStates.Contains(state) || state is State.Running or State.Created or State.Queued;

    /// <summary><c>trigger.executionId</c>, <c>trigger.namespace</c>, <c>trigger.flowId</c>, <c>trigger.flowRevision</c>, <c>trigger.state</c>, <c>trigger.outputs</c>.</summary>
    public static Dictionary<string, object?> Variables(TriggeringExecution execution)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["executionId"] = execution.Id,
            ["namespace"] = execution.Namespace,
            ["flowId"] = execution.FlowId,
            ["flowRevision"] = (long)execution.FlowRevision,
            ["state"] = execution.State.ToKestraName(),
            ["executionLabels"] = execution.Labels.ToDictionary(l => l.Key, l => (object?)l.Value, StringComparer.Ordinal),
        };
        if (execution.Outputs is not null)
        {
            variables["outputs"] = execution.Outputs;
        }

        return variables;
    }

    /// <summary>
    /// States and conditions, each on this execution. Preconditions and MultipleConditions wait for several
    /// executions, so they are the caller's (<see cref="PreconditionProgress"/>, with stored progress).
    /// </summary>
    public static bool Matches(FlowTrigger trigger, TriggeringExecution execution, RenderContext context) =>
        StateMatches(trigger, execution.State)
        && ConditionEvaluator.AllHold(trigger.Conditions?.Where(c => c is not MultipleCondition), context, execution);
}
