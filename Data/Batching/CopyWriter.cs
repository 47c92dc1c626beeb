using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kite.Data.Batching;

/// <summary>
/// Rows written in batches with binary COPY, flushed when 1,000 rows are waiting or every 200 ms, never a row per
/// round trip. The queue is bounded: a producer faster than PostgreSQL is slowed down rather than allowed to fill
/// memory. <see cref="FlushAsync"/> is a barrier: a worker calls it before reporting a task's end, so whoever sees
/// the task ended also sees all of its rows. A barrier is never kept waiting for the 200 ms: it ends the wait for
/// more rows as soon as it arrives, so only rows nobody waits for are batched by time.
/// </summary>
public abstract class CopyWriter<TRow>(NpgsqlDataSource dataSource, TimeProvider clock, ILogger logger) : BackgroundService where TRow : class
{
    private const int BatchSize = 1_000;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private readonly Channel<object> pending = Channel.CreateBounded<object>(new BoundedChannelOptions(50_000) { SingleReader = true });

    /// <summary>The <c>COPY table (columns) FROM STDIN (FORMAT BINARY)</c> command the rows are written with.</summary>
    protected abstract string CopyCommand { get; }

    /// <summary>Writes one row's columns, in the order of <see cref="CopyCommand"/>.</summary>
    protected abstract Task WriteRowAsync(NpgsqlBinaryImporter importer, TRow row);

    public ValueTask WriteAsync(TRow row, CancellationToken cancellationToken) => pending.Writer.WriteAsync(row, cancellationToken);

    /// <summary>Completes once every row written before this call is in the database.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await pending.Writer.WriteAsync(flushed, cancellationToken);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TRow>(BatchSize);
        var barriers = new List<TaskCompletionSource>();
        while (await WaitAsync(stoppingToken))
        {
            Drain(batch, barriers);
            await GatherAsync(batch, barriers);
            var written = batch.Count > 0 && await FlushAsync(batch, stoppingToken);
            // The rows are committed: whoever waits goes on before the announcement, which only wakes live viewers.
            barriers.ForEach(b => b.TrySetResult());
            if (written)
            {
                await WrittenAsync(batch);
            }

            batch.Clear();
            barriers.Clear();
        }
    }

    /// <summary>
    /// Waits up to <see cref="FlushInterval"/> for more rows to join the batch, and stops waiting as soon as the batch
    /// is full or a barrier arrives. A task run's log line is often taken here before the worker asks for the flush
    /// that reports its end; sleeping through the interval instead held about one Log task in ten for 200 ms.
    /// </summary>
    private async Task GatherAsync(List<TRow> batch, List<TaskCompletionSource> barriers)
    {
        if (batch.Count >= BatchSize || barriers.Count > 0)
        {
            return;
        }

        // Stopping needs no token here: it completes the channel, which ends this wait once the rows are taken.
        using var interval = new CancellationTokenSource(FlushInterval, clock);
        while (batch.Count < BatchSize && barriers.Count == 0)
        {
            try
            {
                if (!await pending.Reader.WaitToReadAsync(interval.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Drain(batch, barriers);
        }
    }

    private void Drain(List<TRow> batch, List<TaskCompletionSource> barriers)
    {
        while (batch.Count < BatchSize && pending.Reader.TryRead(out var item))
        {
            if (item is TRow row)
            {
                batch.Add(row);
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

    /// <summary>
    /// Writes the batch. While PostgreSQL is away (a restart, a failover: a transient error) the rows are kept and
    /// written again until it answers, and the bounded queue holds the producers back meanwhile; a batch it refuses
    /// (bad data) or that fails while the service stops is tried five times, then dropped: false.
    /// </summary>
    private async Task<bool> FlushAsync(List<TRow> batch, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CopyAsync(batch);
                return true;
            }
            catch (NpgsqlException ex) when ((ex.IsTransient && !stopping.IsCancellationRequested) || attempt < 5)
            {
                logger.LogWarning(ex, "Writing {Count} {Rows} failed (attempt {Attempt}); retrying", batch.Count, typeof(TRow).Name, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 5_000)), CancellationToken.None);
            }
            catch (NpgsqlException ex)
            {
                logger.LogError(ex, "Dropped {Count} {Rows} after {Attempts} attempts", batch.Count, typeof(TRow).Name, attempt);
                return false;
            }
        }
    }

    /// <summary>Called once a batch is committed (never for a dropped one); a failure here never fails the writer.</summary>
    protected virtual Task WrittenAsync(IReadOnlyList<TRow> batch) => Task.CompletedTask;

    private async Task CopyAsync(List<TRow> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand);
        foreach (var row in batch)
        {
            await importer.StartRowAsync();
            await WriteRowAsync(importer, row);
        }

        await importer.CompleteAsync();
    }

    protected static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlTypes.NpgsqlDbType type = NpgsqlTypes.NpgsqlDbType.Text)
    {
        if (value is null)
        {
            await importer.WriteNullAsync();
        }
        else
        {
            await importer.WriteAsync(value, type);
        }
    }
}
