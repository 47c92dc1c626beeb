using System.Diagnostics;
using Kite.Bench.Load;
using Kite.Bench.Reporting;

namespace Kite.Bench.Scenarios;

/// <summary>
/// Flows that are measured one execution at a time, best of N runs (Kestra reports them that way): end − start from
/// the database, and the client's wait from sending to seeing the end (polled every 50 ms).
/// </summary>
internal sealed class SingleExecutionScenario(int number, string name, string title, IReadOnlyList<(string File, string? Kestra)> flows)
    : Scenario(number, name, title)
{
    public IEnumerable<string> FlowFiles => flows.Select(f => f.File);

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var rows = new List<RateResult>();
        var routes = new HashSet<string>();
        foreach (var (file, kestra) in flows)
        {
            var flow = FlowUnderTest.Read(Path.Combine(options.Flows, file));
            await context.Suite.DeployFlowAsync(flow.Yaml, flow.Namespace, flow.Id, cancellationToken);
            var trigger = new ExecutionTrigger(context.Suite, flow);
            var progress = context.Progress.AddTask($"{Name}: {flow.Id}", maxValue: options.Runs);
            var watcher = new CompletionWatcher(context.Database, TimeSpan.FromMilliseconds(50));
            await using var sampler = new ProcessSampler(context.Suite.Endpoints.ServicePids);
            sampler.Start();
            var ended = new List<EndedExecution>();
            var client = new List<double>();
            var accepted = 0;
            for (var run = 0; run < options.Runs; run++)
            {
                var start = Stopwatch.GetTimestamp();
                if (await trigger.SendAsync(null, cancellationToken) is { } id)
                {
                    accepted++;
                    var end = await watcher.WaitAsync([id], TimeSpan.FromMinutes(5), null, cancellationToken);
                    ended.AddRange(end);
                    if (end.Count > 0)
                    {
                        client.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                }

                progress.Increment(1);
            }

            var services = await sampler.StopAsync();
            routes.Add(trigger.Route);
            rows.Add(new RateResult(
                file.Replace(".yaml", "", StringComparison.Ordinal), 0, options.Runs, accepted, ended.Count, ended.Count(e => e.State != "SUCCESS"),
                LatencySummary.Of([.. ended.Select(e => e.Milliseconds)]), LatencySummary.Of(client), 0, services, kestra,
                ended.Count > 0 ? ended.Min(e => e.Milliseconds) : null));
        }

        return new ScenarioResult(
            Number, Name, Title, string.Join(", ", routes), "single execution", DateTimeOffset.UtcNow, context.Commit,
            $"{options.Runs} runs each, one at a time", rows);
    }
}
