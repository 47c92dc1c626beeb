using System.Diagnostics;
using Kite.Bench.Load;
using Kite.Bench.Reporting;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Kite.Bench.Scenarios;

/// <summary>
/// The floor under every execution: what the same broker and database cost with no Kite code in between. One
/// persistent message published with confirms to a durable queue and consumed back, one at a time (MassTransit's
/// defaults); one single-row INSERT committed, one at a time.
/// </summary>
internal sealed class FloorScenario() : Scenario(10, "floor", "RabbitMQ publish→consume round trip, PostgreSQL commit, no Kite code in between")
{
    private const int WarmUp = 100, Measured = 1000;

    public override async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = new List<RateResult>();
        if (context.Suite.Endpoints.RabbitMq is { } rabbitMq)
        {
            rows.Add(await RoundTripAsync(rabbitMq, context.Progress.AddTask("floor: RabbitMQ round trips", maxValue: WarmUp + Measured), cancellationToken));
        }

        rows.Add(await CommitsAsync(context, context.Progress.AddTask("floor: PostgreSQL commits", maxValue: WarmUp + Measured), cancellationToken));
        return new ScenarioResult(
            Number, Name, Title, "RabbitMQ.Client and Npgsql directly", "operations", DateTimeOffset.UtcNow, context.Commit,
            $"{WarmUp} warm-up then {Measured} measured, one at a time", rows);
    }

    private static async Task<RateResult> RoundTripAsync(string uri, Spectre.Console.ProgressTask progress, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var queue = await channel.QueueDeclareAsync("", durable: true, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, _) =>
        {
            delivered.TrySetResult();
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);

        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var body = "{\"executionId\":\"0123456789abcdefghijkl\"}"u8.ToArray();
        return await MeasureAsync(progress, async () =>
        {
            delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await channel.BasicPublishAsync("", queue.QueueName, mandatory: false, properties, body, cancellationToken);
            await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }, "RabbitMQ publish→consume");
    }

    private static async Task<RateResult> CommitsAsync(BenchContext context, Spectre.Console.ProgressTask progress, CancellationToken cancellationToken)
    {
        await using var connection = await context.Database.OpenConnectionAsync(cancellationToken);
        await using (var create = new Npgsql.NpgsqlCommand("CREATE TEMP TABLE bench_floor (id int, at timestamptz)", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var id = 0;
        return await MeasureAsync(progress, async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = new Npgsql.NpgsqlCommand("INSERT INTO bench_floor VALUES (@id, now())", connection, transaction);
            insert.Parameters.AddWithValue("id", id++);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, "PostgreSQL INSERT + COMMIT");
    }

    private static async Task<RateResult> MeasureAsync(Spectre.Console.ProgressTask progress, Func<Task> operation, string label)
    {
        var latencies = new List<double>(Measured);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < WarmUp + Measured; i++)
        {
            if (i == WarmUp)
            {
                clock.Restart();
            }

            var start = Stopwatch.GetTimestamp();
            await operation();
            if (i >= WarmUp)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            progress.Increment(1);
        }

        progress.StopTask();
        return new RateResult(label, 0, Measured, Measured, Measured, 0, null, LatencySummary.Of(latencies), Measured / clock.Elapsed.TotalSeconds, [], null);
    }
}
