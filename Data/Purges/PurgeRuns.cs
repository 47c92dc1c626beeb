using Kite.Data.Records;
using Npgsql;

namespace Kite.Data.Purges;

/// <summary>
/// The <c>purges</c> rows: claimed when a purge starts or resumes, advanced in each batch's own transaction, closed
/// when it ends. Counts are cumulative across interruptions.
/// </summary>
public static class PurgeRuns
{
    public const string Created = "CREATED";
    public const string Running = "RUNNING";
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";

    /// <summary>Creates the row, or takes up an existing one; returns it as it now stands (already SUCCESS when a redelivered purge had ended).</summary>
    public static async Task<PurgeRecord> StartAsync(NpgsqlDataSource dataSource, string id, string kind, string request, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO purges (id, kind, request, state, executions_count, logs_count, metrics_count, storages_count, batches, created_at, updated_at)
            VALUES (@id, @kind, @request::jsonb, '{Running}', 0, 0, 0, 0, 0, now(), now())
            ON CONFLICT (id) DO UPDATE SET
                state = CASE WHEN purges.state = '{Success}' THEN purges.state ELSE '{Running}' END,
                error = NULL, updated_at = now()
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("request", request);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    /// <summary>Adds one batch's counts, inside the batch's transaction.</summary>
    public static NpgsqlBatchCommand Advance(string id, PurgeCounts counts)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE purges SET executions_count = executions_count + @e, logs_count = logs_count + @l,
                metrics_count = metrics_count + @m, storages_count = storages_count + @s, batches = batches + 1, updated_at = now()
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("e", counts.Executions);
        command.Parameters.AddWithValue("l", counts.Logs);
        command.Parameters.AddWithValue("m", counts.Metrics);
        command.Parameters.AddWithValue("s", counts.Storages);
        return command;
    }

    public static async Task<PurgeRecord> EndAsync(NpgsqlDataSource dataSource, string id, string? error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE purges SET state = @state, error = @error, ended_at = now(), updated_at = now() WHERE id = @id RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("state", error is null ? Success : Failed);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    private const string Columns = "id, kind, request::text, state, executions_count, logs_count, metrics_count, storages_count, batches, error, created_at, updated_at, ended_at";

    private static PurgeRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Kind = reader.GetString(1),
        Request = reader.GetString(2),
        State = reader.GetString(3),
        ExecutionsCount = reader.GetInt64(4),
        LogsCount = reader.GetInt64(5),
        MetricsCount = reader.GetInt64(6),
        StoragesCount = reader.GetInt64(7),
        Batches = reader.GetInt32(8),
        Error = reader.IsDBNull(9) ? null : reader.GetString(9),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(10),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(11),
        EndedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
    };
}
