using System.Globalization;
using Kite.Core.Executions;
using Kite.Core.Triggers;

namespace Kite.Core.Scheduling;

/// <summary>Whether an execution is one a preconditions upstream flow waits for: its namespace, flow (any when absent), states (SUCCESS when absent) and labels.</summary>
public static class UpstreamFlowMatcher
{
    public static bool Matches(UpstreamFlow upstream, TriggeringExecution execution) =>
        upstream.Namespace == execution.Namespace
        && (upstream.FlowId is null || upstream.FlowId == execution.FlowId)
        && (upstream.States ?? [State.Success]).Contains(execution.State)
        && (upstream.Labels ?? []).All(l => execution.Labels.TryGetValue(l.Key, out var value) && value == Convert.ToString(l.Value, CultureInfo.InvariantCulture));
}
