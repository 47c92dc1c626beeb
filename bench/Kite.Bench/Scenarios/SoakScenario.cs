using System.Globalization;
using Kite.Bench.Load;
using Kite.Bench.Reporting;

namespace Kite.Bench.Scenarios;

/// <summary>
/// The soak profile: webhook-simple at a steady rate for the whole <c>--duration</c> (3600 for the one-hour soak),
/// with the suite's tables, queues and service memory compared between the start and the end. Growth that the
/// executions themselves explain (their rows, their logs) is expected; anything else is a leak.
/// </summary>
internal sealed class SoakScenario(Func<int, string?> body)
    : Scenario(12, "soak", "webhook-simple at a steady rate for --duration; tables, queues and memory at the start and end")
{
    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var flow = FlowUnderTest.Read(Path.Combine(options.Flows, "webhook-simple.yaml"));
        await context.Suite.DeployFlowAsync(flow.Yaml, flow.Namespace, flow.Id, cancellationToken);
        var trigger = new ExecutionTrigger(context.Suite, flow);
        var rate = options.Rates is [var first, ..] ? first : 10;
        var label = string.Create(CultureInfo.InvariantCulture, $"{rate:0.##}/s for {options.Duration.TotalMinutes:0.#} min");
        var endpoints = context.Suite.Endpoints;

        var start = await SystemSnapshot.TakeAsync(context.Database, endpoints.RabbitMq, endpoints.ServicePids, cancellationToken);
        var run = await RateScenario.MeasureAsync(context, $"{Name} {label}", trigger, label, rate, body, cancellationToken);
        var end = await SystemSnapshot.TakeAsync(context.Database, endpoints.RabbitMq, endpoints.ServicePids, cancellationToken);

        return new ScenarioResult(
            Number, Name, Title, trigger.Route, "executions/s", DateTimeOffset.UtcNow, context.Commit,
            $"{options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured, open loop",
            [run.ToRow(null)],
            [.. SnapshotComparison.Lines(start, end)]);
    }
}
