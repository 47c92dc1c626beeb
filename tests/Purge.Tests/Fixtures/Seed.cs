using Npgsql;
using NpgsqlTypes;

namespace Kite.Purge.Tests.Fixtures;

/// <summary>Writes executions, task runs, logs and metrics with binary COPY, as the engine would have left them.</summary>
public static class Seed
{
    public static async Task ExecutionsAsync(string connectionString, IReadOnlyList<SeededExecution> executions)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await CopyAsync(connection, "executions (id, namespace, flow_id, flow_revision, state, start_date, end_date, attempt, deleted)", executions, async (row, e) =>
        {
            await row.WriteAsync(e.Id);
            await row.WriteAsync(e.Namespace);
            await row.WriteAsync(e.FlowId);
            await row.WriteAsync(1);
            await row.WriteAsync(e.State, NpgsqlDbType.Varchar);
            await row.WriteAsync(e.Start, NpgsqlDbType.TimestampTz);
            await WriteAsync(row, e.End);
            await row.WriteAsync(1);
            await row.WriteAsync(e.Deleted);
        });
        await CopyAsync(connection, "task_runs (id, execution_id, position, task_id, state, start_date)",
            executions.SelectMany(e => Enumerable.Range(0, e.TaskRuns).Select(i => (Execution: e, Position: i))), async (row, t) =>
            {
                await row.WriteAsync($"{t.Execution.Id}-t{t.Position}");
                await row.WriteAsync(t.Execution.Id);
                await row.WriteAsync(t.Position);
                await row.WriteAsync("task");
                await row.WriteAsync(t.Execution.State, NpgsqlDbType.Varchar);
                await row.WriteAsync(t.Execution.Start, NpgsqlDbType.TimestampTz);
            });
        await LogsAsync(connection, executions.SelectMany(e => Enumerable.Range(0, e.Logs).Select(_ => new SeededLog(e.Namespace, e.FlowId, e.Id, "INFO", e.Start))));
        await CopyAsync(connection, "metrics (namespace, flow_id, execution_id, name, type, value, timestamp)",
            executions.SelectMany(e => Enumerable.Range(0, e.Metrics).Select(_ => e)), async (row, e) =>
            {
                await row.WriteAsync(e.Namespace);
                await row.WriteAsync(e.FlowId);
                await row.WriteAsync(e.Id);
                await row.WriteAsync("rows");
                await row.WriteAsync("counter");
                await row.WriteAsync(1.0);
                await row.WriteAsync(e.Start, NpgsqlDbType.TimestampTz);
            });
    }

    public static async Task LogsAsync(string connectionString, IEnumerable<SeededLog> logs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await LogsAsync(connection, logs);
    }

    private static Task LogsAsync(NpgsqlConnection connection, IEnumerable<SeededLog> logs) =>
        CopyAsync(connection, "logs (namespace, flow_id, execution_id, timestamp, level, message, deleted)", logs, async (row, l) =>
        {
            await row.WriteAsync(l.Namespace);
            await row.WriteAsync(l.FlowId);
            if (l.ExecutionId is null)
            {
                await row.WriteNullAsync();
            }
            else
            {
                await row.WriteAsync(l.ExecutionId);
            }

            await row.WriteAsync(l.Timestamp, NpgsqlDbType.TimestampTz);
            await row.WriteAsync(l.Level, NpgsqlDbType.Varchar);
            await row.WriteAsync("seeded");
            await row.WriteAsync(false);
        });

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var item in rows)
        {
            await importer.StartRowAsync();
            await write(importer, item);
        }

        await importer.CompleteAsync();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter row, DateTimeOffset? value) =>
        value is { } date ? row.WriteAsync(date, NpgsqlDbType.TimestampTz) : row.WriteNullAsync();
}
