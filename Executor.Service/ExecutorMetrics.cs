using System.Diagnostics.Metrics;
using Kite.Core.Executions;

namespace Kite.Executor;

/// <summary>The executor's instruments on the <c>Kite</c> meter: how long executions take and how long steps hold their row.</summary>
public sealed class ExecutorMetrics
{
    private readonly Histogram<double> executionDuration;
    private readonly Histogram<double> stepDuration;

    public ExecutorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(OpenTelemetryExtensions.KiteSource);
        executionDuration = meter.CreateHistogram<double>("kite.executions.duration", "s", "From an execution's start to its end, recorded when it ends (namespace, flow_id, state)");
        stepDuration = meter.CreateHistogram<double>("kite.executor.step.duration", "ms", "One executor step, from taking the row lock to the commit (changed=true|false)");
    }

    public void Ended(Execution execution)
    {
        if (execution.History.EndDate is not { } end)
        {
            return;
        }

        executionDuration.Record((end - execution.History.StartDate).TotalSeconds,
            new KeyValuePair<string, object?>("namespace", execution.Namespace),
            new KeyValuePair<string, object?>("flow_id", execution.FlowId),
            new KeyValuePair<string, object?>("state", execution.State.ToKestraName()));
    }

    public void Step(TimeSpan duration, bool changed) =>
        stepDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("changed", changed));
}
