using Kite.Data.Batching;
using Kite.Data.Records;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Logs;

/// <summary>
/// Execution logs, written in batches by binary COPY (see <see cref="CopyWriter{TRow}"/>); after each committed batch
/// the listeners (the bus, in a service) learn which executions have new lines.
/// </summary>
public sealed class LogWriter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LogWriter> logger, IEnumerable<ILogsWrittenListener> listeners)
    : CopyWriter<LogRecord>(dataSource, clock, logger)
{
    private readonly ILogsWrittenListener[] listeners = [.. listeners];

    protected override async Task WrittenAsync(IReadOnlyList<LogRecord> batch)
    {
        if (listeners.Length == 0)
        {
            return;
        }

        var executions = batch.Select(l => l.ExecutionId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var listener in listeners)
        {
            try
            {
                await listener.WrittenAsync(executions, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Live log views are best effort: the lines are committed, and a follower re-reads on its own.
                logger.LogWarning(ex, "Announcing {Count} new log lines failed", batch.Count);
            }
        }
    }

    protected override string CopyCommand =>
        "COPY logs (namespace, flow_id, execution_id, task_run_id, task_id, attempt, timestamp, level, message, deleted) FROM STDIN (FORMAT BINARY)";

    protected override async Task WriteRowAsync(NpgsqlBinaryImporter importer, LogRecord line)
    {
        await importer.WriteAsync(line.Namespace, NpgsqlDbType.Text);
        await importer.WriteAsync(line.FlowId, NpgsqlDbType.Text);
        await WriteNullableAsync(importer, line.ExecutionId);
        await WriteNullableAsync(importer, line.TaskRunId);
        await WriteNullableAsync(importer, line.TaskId);
        if (line.Attempt is { } attempt)
        {
            await importer.WriteAsync(attempt, NpgsqlDbType.Integer);
        }
        else
        {
            await importer.WriteNullAsync();
        }

        await importer.WriteAsync(line.Timestamp, NpgsqlDbType.TimestampTz);
        await importer.WriteAsync(line.Level, NpgsqlDbType.Varchar);
        await importer.WriteAsync(line.Message, NpgsqlDbType.Text);
        await importer.WriteAsync(false, NpgsqlDbType.Boolean);
    }
}
