using System.Globalization;
using Kite.Bench.Load;
using Kite.Bench.Reporting;

namespace Kite.Bench.Scenarios;

/// <summary>
/// A flow started open-loop at each rate in turn: warm-up, then the measured window, then a drain while the last
/// executions end. Latency is end − start from the database; the client column is the Api's answer time.
/// </summary>
internal sealed class RateScenario(
    int number, string name, string title, string flowFile, RateUnit unit, IReadOnlyList<double> rates,
    Func<int, string?> body, IReadOnlyDictionary<double, string>? kestra = null)
    : Scenario(number, name, title)
{
    public string FlowFile => flowFile;

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var flow = FlowUnderTest.Read(Path.Combine(options.Flows, flowFile));
        await context.Suite.DeployFlowAsync(flow.Yaml, flow.Namespace, flow.Id, cancellationToken);
        var trigger = new ExecutionTrigger(context.Suite, flow);
        var rows = new List<RateResult>();
        foreach (var rate in options.Rates ?? rates)
        {
            rows.Add(await RunRateAsync(context, trigger, rate, cancellationToken));
        }

        return new ScenarioResult(
            Number, Name, Title, trigger.Route, Unit, DateTimeOffset.UtcNow, context.Commit,
            $"{options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured per rate, open loop", rows);
    }

    private string Unit => unit == RateUnit.PerMinute ? "executions/min" : "executions/s";

    private double PerSecond(double rate) => unit == RateUnit.PerMinute ? rate / 60 : rate;

    private async Task<RateResult> RunRateAsync(BenchContext context, ExecutionTrigger trigger, double rate, CancellationToken cancellationToken)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{rate:0.##}{(unit == RateUnit.PerMinute ? "/min" : "/s")}");
        var measurement = await MeasureAsync(context, $"{Name} {label}", trigger, label, PerSecond(rate), body, cancellationToken);
        return measurement.ToRow(kestra?.GetValueOrDefault(rate));
    }

    /// <summary>
    /// Settling (the suite warmed once, then idle), warm-up and measured window at one rate, then the drain while the
    /// measured executions end. <paramref name="beforeLoad"/> runs once the suite has settled, just before the first send.
    /// </summary>
    public static async Task<RateMeasurement> MeasureAsync(
        BenchContext context, string progressName, ExecutionTrigger trigger, string label, double perSecond, Func<int, string?> body,
        CancellationToken cancellationToken, Func<Task>? beforeLoad = null)
    {
        var options = context.Options;
        var settling = context.Progress.AddTask($"{progressName}: settling", maxValue: 1);
        await context.Settler.SettleAsync(i => trigger.SendAsync(body(i), cancellationToken), perSecond, p => settling.Value = p, cancellationToken);
        settling.StopTask();
        var sending = context.Progress.AddTask($"{progressName}: sending", maxValue: 1);
        var ending = context.Progress.AddTask($"{progressName}: waiting for ends", maxValue: 1);

        if (beforeLoad is not null)
        {
            await beforeLoad();
        }

        await using var sampler = new ProcessSampler(context.Suite.Endpoints.ServicePids);
        sampler.Start();
        var sent = await OpenLoopLoad.RunAsync(
            perSecond, options.WarmUp, options.Duration,
            i => trigger.SendAsync(body(i), cancellationToken), p => sending.Value = p, cancellationToken);
        var measured = sent.Where(s => s.Measured).ToList();
        var ids = measured.Where(s => s.ExecutionId is not null).Select(s => s.ExecutionId!).ToList();
        var ended = await new CompletionWatcher(context.Database).WaitAsync(ids, options.Drain, p => ending.Value = p, cancellationToken);
        var services = await sampler.StopAsync();
        sending.StopTask();
        ending.Value = 1;
        ending.StopTask();
        return new RateMeasurement(label, perSecond, measured, ids.Count, ended, services);
    }
}
