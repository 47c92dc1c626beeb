using System.Threading.Channels;
using Kite.Data.Records;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Logs;

/// <summary>
/// Execution logs written in batches with binary COPY, flushed when 1,000 lines are waiting or every 200 ms,
/// never a row per round trip. The queue is bounded: a task that logs faster than PostgreSQL takes lines is slowed
/// down rather than allowed to fill memory. <see cref="FlushAsync"/> is a barrier: a worker calls it before reporting
/// a task's end, so whoever sees the task ended also sees all of its logs.
/// </summary>
public sealed class LogWriter(NpgsqlDataSource dataSource, ILogger<LogWriter> logger) : BackgroundService
{
    private const int BatchSize = 1_000;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private readonly Channel<object> pending = Channel.CreateBounded<object>(new BoundedChannelOptions(50_000) { SingleReader = true });

    public ValueTask WriteAsync(LogRecord line, CancellationToken cancellationToken) => pending.Writer.WriteAsync(line, cancellationToken);

    /// <summary>Completes once every line written before this call is in the database.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await pending.Writer.WriteAsync(flushed, cancellationToken);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LogRecord>(BatchSize);
        var barriers = new List<TaskCompletionSource>();
        while (await WaitAsync(stoppingToken))
        {
            Drain(batch, barriers);
            if (batch.Count < BatchSize && barriers.Count == 0)
            {
                await Task.Delay(FlushInterval, CancellationToken.None);
                Drain(batch, barriers);
            }

            if (batch.Count > 0)
            {
                await FlushAsync(batch);
            }

            barriers.ForEach(b => b.TrySetResult());
            batch.Clear();
            barriers.Clear();
        }
    }

    private void Drain(List<LogRecord> batch, List<TaskCompletionSource> barriers)
    {
        while (batch.Count < BatchSize && pending.Reader.TryRead(out var item))
        {
            if (item is LogRecord line)
            {
                batch.Add(line);
            }
            else
            {
                barriers.Add((TaskCompletionSource)item);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await pending.Reader.WaitToReadAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: drain what is left, then stop.
            return pending.Reader.TryPeek(out _);
        }
    }

    private async Task FlushAsync(List<LogRecord> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CopyAsync(batch);
                return;
            }
            catch (NpgsqlException ex) when (attempt < 5)
            {
                logger.LogWarning(ex, "Writing {Count} log lines failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (NpgsqlException ex)
            {
                logger.LogError(ex, "Dropped {Count} log lines after 5 attempts", batch.Count);
                return;
            }
        }
    }

    private async Task CopyAsync(List<LogRecord> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY logs (namespace, flow_id, execution_id, task_run_id, task_id, attempt, timestamp, level, message, deleted) FROM STDIN (FORMAT BINARY)");
        foreach (var line in batch)
        {
            await importer.StartRowAsync();
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

        await importer.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            await importer.WriteNullAsync();
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text);
        }
    }
}
