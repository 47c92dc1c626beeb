using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Microsoft.Extensions.Hosting;

namespace Kite.Engine.Tests;

[Collection(EngineCollection.Name)]
public sealed class ExecutorMetricsTests(EngineFixture engine)
{
    [Fact]
    public async Task An_ended_execution_records_its_duration_with_its_flow_and_state()
    {
        var recorded = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OpenTelemetryExtensions.KiteSource && instrument.Name == "kite.executions.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var named = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                named[tag.Key] = tag.Value;
            }

            recorded.Enqueue((value, named));
        });
        listener.Start();

        var ended = await engine.RunAsync("""
            id: measured
            namespace: kite.metrics
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
            """);

        Assert.Equal("FAILED", ended.State);
        var measurement = await Eventually.BecomesAsync(
            () => Task.FromResult(recorded.FirstOrDefault(m => Equals(m.Tags.GetValueOrDefault("flow_id"), "measured"))),
            m => m.Tags is not null, "the duration is recorded");
        Assert.Equal("kite.metrics", measurement.Tags["namespace"]);
        Assert.Equal("FAILED", measurement.Tags["state"]);
        Assert.InRange(measurement.Seconds, 0, 60);
    }
}
