using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;

namespace Kite.Core.Scheduling;

/// <summary>
/// Named conditions that must each be met, by some execution, within one time window before a Flow trigger fires:
/// its <c>preconditions</c> (every upstream flow, then every <c>where</c> entry) or a deprecated MultipleCondition
/// among its <c>conditions</c> (every named condition). <see cref="Key"/> names the set in the trigger's stored progress.
/// </summary>
public sealed record PreconditionSet(string Key, IReadOnlyList<NamedPrecondition> Conditions, TimeWindow? Window, bool ResetOnSuccess)
{
    /// <summary>The sets a Flow trigger waits for, leaving out those with nothing to wait for.</summary>
    public static IReadOnlyList<PreconditionSet> Of(FlowTrigger trigger)
    {
        var sets = new List<PreconditionSet>();
        if (trigger.Preconditions is { } preconditions)
        {
            sets.Add(Of(preconditions));
        }

        sets.AddRange((trigger.Conditions ?? []).OfType<MultipleCondition>().Select(Of));
        return [.. sets.Where(s => s.Conditions.Count > 0)];
    }

    public static PreconditionSet Of(Preconditions preconditions)
    {
        var flows = (preconditions.Flows ?? []).Select((upstream, i) =>
            new NamedPrecondition($"flows[{i}]", (execution, _) => UpstreamFlowMatcher.Matches(upstream, execution)));
        var where = (preconditions.Where ?? []).Select(filter =>
            new NamedPrecondition($"where.{filter.Id}", (execution, context) => ExecutionFilterMatcher.Matches(filter, execution, context)));
        return new PreconditionSet("preconditions", [.. flows, .. where], preconditions.TimeWindow, preconditions.ResetOnSuccess);
    }

    public static PreconditionSet Of(MultipleCondition multiple)
    {
        var window = multiple.TimeWindow ?? new TimeWindow { Type = TimeWindowType.DurationWindow, Window = multiple.Window, WindowAdvance = multiple.WindowAdvance };
        var conditions = multiple.Conditions.Select(named =>
            new NamedPrecondition(named.Key, (execution, context) => ConditionEvaluator.Holds(named.Value, context, execution)));
        return new PreconditionSet($"multiple.{multiple.Id}", [.. conditions], window, multiple.ResetOnSuccess);
    }
}
