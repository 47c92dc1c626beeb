using System.Diagnostics.Metrics;

namespace Kite.Scheduler;

/// <summary>The scheduler's instruments, on the <c>Kite</c> meter that every service exports.</summary>
public sealed class SchedulerMetrics : IDisposable
{
    private readonly Meter meter = new("Kite");
    private readonly Histogram<double> loopDuration;
    private readonly Counter<long> evaluated;
    private readonly Histogram<double> lateness;
    private readonly Counter<long> heals;
    private readonly Counter<long> fired;

    public SchedulerMetrics()
    {
        loopDuration = meter.CreateHistogram<double>("kite.scheduler.loop.duration", "ms", "One tick of a scheduler loop (loop=evaluation|monitoring|backfill)");
        evaluated = meter.CreateCounter<long>("kite.scheduler.triggers.evaluated", description: "Due triggers the evaluation loop evaluated");
        fired = meter.CreateCounter<long>("kite.scheduler.executions.created", description: "Executions the scheduler created (kind=schedule|flow|polling|backfill)");
        lateness = meter.CreateHistogram<double>("kite.scheduler.fire.lateness", "ms", "From a slot's date to the commit of its execution");
        heals = meter.CreateCounter<long>("kite.scheduler.heals", description: "Triggers the monitoring loop released (reason=terminated|deleted|missing|polling)");
    }

    public void Loop(string loop, TimeSpan duration) => loopDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("loop", loop));

    public void Evaluated(int count) => evaluated.Add(count);

    public void Created(string kind, int count) => fired.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public void Lateness(TimeSpan late) => lateness.Record(late.TotalMilliseconds);

    public void Healed(string reason) => heals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => meter.Dispose();
}
