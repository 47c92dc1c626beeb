using Npgsql;
using RabbitMQ.Client;

namespace Kite.Bench.Load;

/// <summary>
/// What a running suite holds at one moment: live rows and total size of every table, messages waiting in each of
/// the suite's queues (error queues included), and each service's resident memory. Taken at the start and end of a
/// soak, so anything that grows without a bound shows.
/// </summary>
internal sealed record SystemSnapshot(
    IReadOnlyDictionary<string, (long Rows, long Bytes)> Tables,
    IReadOnlyDictionary<string, uint> Queues,
    IReadOnlyDictionary<string, double> ServiceRssMb)
{
    private static readonly string[] QueueNames = ["executor", "worker", "worker-waits", "purge", "scheduler"];

    public static async Task<SystemSnapshot> TakeAsync(NpgsqlDataSource database, string? rabbitMq, IReadOnlyDictionary<string, IReadOnlyList<int>> services, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using (var analyze = database.CreateCommand("ANALYZE"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = database.CreateCommand(
            "SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables WHERE relname NOT LIKE '\\_\\_%' ORDER BY relname"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        var queues = new Dictionary<string, uint>(StringComparer.Ordinal);
        if (rabbitMq is not null)
        {
            var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            foreach (var name in QueueNames.SelectMany(q => new[] { q, $"{q}_error" }))
            {
                // A passive declare of a queue that does not exist closes the channel: one channel per queue.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    queues[name] = (await channel.QueueDeclarePassiveAsync(name, cancellationToken)).MessageCount;
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    // No such queue: nothing ever failed there.
                }
            }
        }

        await using var sampler = new ProcessSampler(services);
        sampler.Start();
        var memory = (await sampler.StopAsync()).ToDictionary(s => s.Service, s => s.PeakRssMb, StringComparer.Ordinal);
        return new SystemSnapshot(tables, queues, memory);
    }
}
