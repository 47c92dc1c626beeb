using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The backlog of the queues a service consumes, read from the broker (one passive declare per queue every
/// <c>Kite:Bus:QueueDepthInterval</c>) and reported as the gauges <c>kite.queue.depth</c> and
/// <c>kite.queue.consumers</c>, tagged with the queue: what a dashboard or an autoscaler watches. Every replica
/// reports the same queue, so read them as a maximum, not a sum.
/// </summary>
public sealed class QueueDepths : BackgroundService
{
    private readonly Uri broker;
    private readonly IReadOnlyList<string> queues;
    private readonly TimeSpan interval;
    private readonly ILogger<QueueDepths> logger;
    private readonly Dictionary<string, (long Messages, long Consumers)> last = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private IConnection? connection;

    public QueueDepths(IConfiguration configuration, IReadOnlyList<string> queues, IMeterFactory meters, ILogger<QueueDepths> logger)
    {
        var meter = meters.Create(OpenTelemetryExtensions.KiteSource);
        broker = new Uri(configuration.GetConnectionString(BusExtensions.ConnectionName)!);
        this.queues = queues;
        this.logger = logger;
        interval = configuration.GetValue("Kite:Bus:QueueDepthInterval", TimeSpan.FromSeconds(5));
        meter.CreateObservableGauge("kite.queue.depth", () => Observe(q => q.Messages), "{message}", "Messages ready in the queue, not yet delivered to a consumer");
        meter.CreateObservableGauge("kite.queue.consumers", () => Observe(q => q.Consumers), "{consumer}", "Consumers attached to the queue");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A gauge must never stop the service (an unhandled error in a background service stops the host).
                // The bus health check reports the broker; the gauges keep their last reading until it answers.
                logger.LogDebug(error, "Queue depths not read: the broker did not answer");
                await CloseAsync();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        if (connection is { } open)
        {
            connection = null;
            await open.DisposeAsync();
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        // One connection kept open between readings, opened again after the broker went away.
        connection ??= await new ConnectionFactory { Uri = broker, ClientProvidedName = "kite-queue-depths" }.CreateConnectionAsync(cancellationToken);
        foreach (var queue in queues)
        {
            // A passive declare of a queue that does not exist yet closes its channel: one channel per queue.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var reading = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                lock (gate)
                {
                    last[queue] = (reading.MessageCount, reading.ConsumerCount);
                }
            }
            catch (OperationInterruptedException)
            {
                lock (gate)
                {
                    last.Remove(queue);
                }
            }
        }
    }

    private List<Measurement<long>> Observe(Func<(long Messages, long Consumers), long> value)
    {
        lock (gate)
        {
            return last.Select(q => new Measurement<long>(value(q.Value), new KeyValuePair<string, object?>("queue", q.Key))).ToList();
        }
    }
}
