using Npgsql;

namespace Kite.Api.Logs;

/// <summary>Reads a <c>logs</c> row selected with <see cref="Columns"/>; the id comes back beside the entry for SSE ids and paging.</summary>
public static class LogRow
{
    public const string Columns = "id, namespace, flow_id, task_id, execution_id, task_run_id, attempt, trigger_id, timestamp, level, message, deleted";

    public static (long Id, LogEntry Entry) Read(NpgsqlDataReader row) => (row.GetInt64(0), new LogEntry(
        row.GetString(1),
        row.GetString(2),
        Text(row, 3),
        Text(row, 4),
        Text(row, 5),
        row.IsDBNull(6) ? null : row.GetInt32(6),
        Text(row, 7),
        row.GetFieldValue<DateTimeOffset>(8),
        row.GetString(9),
        row.GetString(10),
        row.GetBoolean(11)));

    private static string? Text(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
