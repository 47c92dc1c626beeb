using System.Diagnostics;
using System.Text.Json;
using Kite.Data.Records;
using Kite.Data.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kite.Data.Purges;

/// <summary>
/// Runs a PurgeExecutions: streams the matching executions, deletes them <c>batchSize</c> at a time (one
/// transaction and one statement per table each), deletes their files with bounded parallelism, and logs progress
/// per batch. Running it again after an interruption finishes the job: what was committed is gone and counted, the
/// rest is still matched.
/// </summary>
public sealed class ExecutionPurger(NpgsqlDataSource dataSource, IInternalStorage storage, ILogger<ExecutionPurger> logger)
{
    public const string Kind = "PurgeExecutions";

    /// <summary>Calls to the internal storage at once within a batch, each deleting the files of a share of its executions.</summary>
    public int FileParallelism { get; init; } = 8;

    public Task<PurgeRecord> RunAsync(string purgeId, ExecutionPurgeRequest request, CancellationToken cancellationToken) =>
        RunAsync(purgeId, request, BackToBackBatches.Instance, cancellationToken);

    /// <summary>Runs the purge, handing each batch's duration to <paramref name="pacer"/>, which decides the rest before the next.</summary>
    public async Task<PurgeRecord> RunAsync(string purgeId, ExecutionPurgeRequest request, IBatchPacer pacer, CancellationToken cancellationToken)
    {
        var run = await PurgeRuns.StartAsync(dataSource, purgeId, Kind, JsonSerializer.Serialize(request), cancellationToken);
        if (run.State == PurgeRuns.Success)
        {
            return run;
        }

        try
        {
            await PurgeAsync(purgeId, request, pacer, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException)
        {
            logger.LogError(ex, "Purge {PurgeId} failed", purgeId);
            return await PurgeRuns.EndAsync(dataSource, purgeId, ex.Message, CancellationToken.None);
        }

        return await PurgeRuns.EndAsync(dataSource, purgeId, null, cancellationToken);
    }

    private async Task PurgeAsync(string purgeId, ExecutionPurgeRequest request, IBatchPacer pacer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var total = default(PurgeCounts);
        var number = 0;
        List<ExecutionFiles> batch = new(request.BatchSize);
        await foreach (var execution in ExecutionCandidates.ReadAsync(dataSource, request, cancellationToken))
        {
            batch.Add(execution);
            if (batch.Count == request.BatchSize)
            {
                total += await DeleteAsync(purgeId, request, batch, ++number, pacer, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            total += await DeleteAsync(purgeId, request, batch, ++number, pacer, cancellationToken);
        }

        logger.LogInformation("Purge {PurgeId} ended after {Batches} batch(es) in {Elapsed} ms: {Executions} executions, {Logs} logs, {Metrics} metrics, {Storages} files",
            purgeId, number, clock.ElapsedMilliseconds, total.Executions, total.Logs, total.Metrics, total.Storages);
    }

    private async Task<PurgeCounts> DeleteAsync(string purgeId, ExecutionPurgeRequest request, List<ExecutionFiles> batch, int number, IBatchPacer pacer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var counts = await ExecutionBatch.DeleteAsync(dataSource, purgeId, request, batch, DeleteFilesAsync, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        logger.LogInformation("Purge {PurgeId} batch {Batch}: {Executions} executions, {Logs} logs, {Metrics} metrics, {Storages} files in {Elapsed} ms",
            purgeId, number, counts.Executions, counts.Logs, counts.Metrics, counts.Storages, elapsed.TotalMilliseconds);
        await pacer.AfterBatchAsync(elapsed, cancellationToken);
        return counts;
    }

    private async Task<int> DeleteFilesAsync(IReadOnlyList<ExecutionFiles> executions, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var shares = executions.Chunk(Math.Max(1, (executions.Count + FileParallelism - 1) / FileParallelism));
        await Parallel.ForEachAsync(shares, new ParallelOptions { MaxDegreeOfParallelism = FileParallelism, CancellationToken = cancellationToken },
            async (share, token) => Interlocked.Add(ref deleted, await storage.DeleteExecutionsAsync(share, token)));
        return deleted;
    }
}
