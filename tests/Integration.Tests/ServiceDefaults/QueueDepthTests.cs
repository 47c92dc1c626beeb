using System.Diagnostics.Metrics;
using Kite.Integration.Tests.Fixtures;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Kite.Integration.Tests.ServiceDefaults;

[Collection(InfrastructureCollection.Name)]
public sealed class QueueDepthTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task The_queue_depth_gauge_reports_the_messages_waiting_in_a_queue_the_service_consumes()
    {
        var queue = $"depth-probe-{Guid.NewGuid():N}";
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqConnectionString) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
            for (var i = 0; i < 3; i++)
            {
                await channel.BasicPublishAsync("", queue, new byte[] { 1 });
            }
        }

        var database = await MigratedDatabase.CreateAsync(infrastructure);
        var app = TestService.Build(database, infrastructure.RabbitMqConnectionString, configure: builder =>
        {
            builder.Configuration["Kite:Bus:QueueDepthInterval"] = "00:00:00.200";
            builder.AddQueueDepths(queue, "no-such-queue");
        });
        var readings = new Dictionary<(string Instrument, string? Queue), long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OpenTelemetryExtensions.KiteSource && instrument.Name.StartsWith("kite.queue.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue")
                {
                    readings[(instrument.Name, tag.Value as string)] = value;
                }
            }
        });
        listener.Start();
        await app.StartAsync();
        try
        {
            var depth = await Eventually.BecomesAsync(() =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(readings.GetValueOrDefault(("kite.queue.depth", queue), -1));
            }, d => d == 3, "the gauge reads the three waiting messages");

            Assert.Equal(3, depth);
            Assert.Equal(0, readings[("kite.queue.consumers", queue)]);
            Assert.DoesNotContain(("kite.queue.depth", "no-such-queue"), readings.Keys);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
