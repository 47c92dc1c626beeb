using Npgsql;
using NpgsqlTypes;

namespace Kite.Purge.Bench;

/// <summary>
/// Ended executions with one task run each and their logs and metrics spread evenly, written with binary COPY.
/// Two executions in a hundred are still running and must survive every purge.
/// </summary>
public static class BenchSeeder
{
    public static readonly DateTimeOffset Ended = DateTimeOffset.UtcNow.AddDays(-40);

    public static int Running(int executions) => executions / 50;

    public static async Task SeedAsync(NpgsqlDataSource dataSource, int executions, int logs, int metrics)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY executions (id, namespace, flow_id, flow_revision, state, start_date, end_date, attempt, deleted) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < executions; i++)
            {
                var running = i % 50 == 0;
                await copy.WriteRowAsync(CancellationToken.None, Id(i), "bench.purge", $"flow{i % 10}", 1, running ? "RUNNING" : "SUCCESS",
                    Ended.AddMinutes(-1), running ? null : Ended, 1, false);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY task_runs (id, execution_id, position, task_id, state, start_date) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < executions; i++)
            {
                await copy.WriteRowAsync(CancellationToken.None, Id(i) + "-t", Id(i), 0, "task", "SUCCESS", Ended);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY logs (namespace, flow_id, execution_id, timestamp, level, message, deleted) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < logs; i++)
            {
                var execution = i % executions;
                await copy.StartRowAsync();
                await copy.WriteAsync("bench.purge");
                await copy.WriteAsync($"flow{execution % 10}");
                await copy.WriteAsync(Id(execution));
                await copy.WriteAsync(Ended, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("INFO", NpgsqlDbType.Varchar);
                await copy.WriteAsync("a log line of a benchmark execution, about as long as a real one");
                await copy.WriteAsync(false);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY metrics (namespace, flow_id, execution_id, name, type, value, timestamp) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < metrics; i++)
            {
                var execution = i % executions;
                await copy.WriteRowAsync(CancellationToken.None, "bench.purge", $"flow{execution % 10}", Id(execution), "rows", "counter", 1.0, Ended);
            }

            await copy.CompleteAsync();
        }
    }

    private static string Id(int i) => $"bench{i:D7}";
}
