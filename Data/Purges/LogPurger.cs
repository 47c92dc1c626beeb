using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kite.Data.Records;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Purges;

/// <summary>
/// Runs a PurgeLogs: deletes matching lines <c>batchSize</c> at a time, each batch in its own transaction with the
/// purge's count, through the <c>(deleted, timestamp)</c> and <c>(deleted, execution_id, timestamp)</c> indexes.
/// Short transactions keep the table's writers (the log COPY) from waiting behind one long delete.
/// </summary>
public sealed class LogPurger(NpgsqlDataSource dataSource, ILogger<LogPurger> logger)
{
    public const string Kind = "PurgeLogs";

    public Task<PurgeRecord> RunAsync(string purgeId, LogPurgeRequest request, CancellationToken cancellationToken) =>
        RunAsync(purgeId, request, BackToBackBatches.Instance, cancellationToken);

    /// <summary>Runs the purge, handing each batch's duration to <paramref name="pacer"/>, which decides the rest before the next.</summary>
    public async Task<PurgeRecord> RunAsync(string purgeId, LogPurgeRequest request, IBatchPacer pacer, CancellationToken cancellationToken)
    {
        var run = await PurgeRuns.StartAsync(dataSource, purgeId, Kind, JsonSerializer.Serialize(request), cancellationToken);
        if (run.State == PurgeRuns.Success)
        {
            return run;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            long total = 0;
            for (var number = 1; ; number++)
            {
                var started = Stopwatch.GetTimestamp();
                var deleted = await DeleteBatchAsync(purgeId, request, cancellationToken);
                total += deleted;
                logger.LogInformation("Purge {PurgeId} batch {Batch}: {Logs} logs", purgeId, number, deleted);
                if (deleted < request.BatchSize)
                {
                    break;
                }

                await pacer.AfterBatchAsync(Stopwatch.GetElapsedTime(started), cancellationToken);
            }

            logger.LogInformation("Purge {PurgeId} ended in {Elapsed} ms: {Logs} logs", purgeId, clock.ElapsedMilliseconds, total);
        }
        catch (NpgsqlException ex)
        {
            logger.LogError(ex, "Purge {PurgeId} failed", purgeId);
            return await PurgeRuns.EndAsync(dataSource, purgeId, ex.Message, CancellationToken.None);
        }

        return await PurgeRuns.EndAsync(dataSource, purgeId, null, cancellationToken);
    }

    private async Task<long> DeleteBatchAsync(string purgeId, LogPurgeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = Delete(request, connection, transaction);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await using var progress = new NpgsqlBatch(connection, transaction) { BatchCommands = { PurgeRuns.Advance(purgeId, new PurgeCounts(0, deleted, 0, 0)) } };
        await progress.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static NpgsqlCommand Delete(LogPurgeRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var where = new StringBuilder("deleted IN (true, false) AND timestamp <= @end");
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = request.EndDate });
        command.Parameters.AddWithValue("limit", request.BatchSize);
        if (request.StartDate is { } start)
        {
            where.Append(" AND timestamp >= @start");
            command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = start });
        }

        NamespaceFilter.Append(where, command, request.Namespace, request.FlowId, request.ExceptNamespaces);
        if (request.ExecutionId is { } executionId)
        {
            where.Append(" AND execution_id = @execution");
            command.Parameters.AddWithValue("execution", executionId);
        }

        if (request.LogLevels is { Count: > 0 } levels)
        {
            where.Append(" AND level = ANY(@levels)");
            command.Parameters.Add(new NpgsqlParameter("levels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = levels.Select(l => l.ToUpperInvariant()).ToArray() });
        }

        where.Append((request.PurgeExecutionLogs, request.PurgeNonExecutionLogs) switch
        {
            (true, false) => " AND execution_id IS NOT NULL",
            (false, true) => " AND execution_id IS NULL",
            (false, false) => " AND false",
            _ => "",
        });
        command.CommandText = $"DELETE FROM logs WHERE id IN (SELECT id FROM logs WHERE {where} LIMIT @limit)";
        return command;
    }
}
