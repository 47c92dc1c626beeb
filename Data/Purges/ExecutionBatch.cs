using Kite.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Purges;

/// <summary>
/// Deletes one batch of executions in one transaction: lock the rows that are still terminated (a restarted
/// execution drops out), then one <c>DELETE ... WHERE execution_id = ANY(@ids)</c> per table, the executions last,
/// and the purge's counts. Stored files are deleted while the rows are locked and before the commit, so an
/// interruption leaves rows without files (deleted again on the next run) and never files without rows.
/// A batch commits without waiting for its WAL flush (<c>synchronous_commit = off</c> for its transaction only): a
/// crash can lose the last batches' commits, which is the same state as an interruption before them (their rows are
/// matched and deleted again), and the purge's end is written with a normal commit, which flushes every batch before
/// it. Every statement is prepared (kept on the pooled connection), since planning six deletes took most of a
/// 100-execution batch's time. Together they took the default batch size from about 0.9 s to about 0.3 s for 10,000
/// executions (bench/results/purge.md).
/// </summary>
public static class ExecutionBatch
{
    public static async Task<PurgeCounts> DeleteAsync(
        NpgsqlDataSource dataSource,
        string purgeId,
        ExecutionPurgeRequest request,
        IReadOnlyList<ExecutionFiles> batch,
        Func<IReadOnlyList<ExecutionFiles>, CancellationToken, Task<int>> deleteFiles,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await LockAsync(connection, transaction, [.. batch.Select(k => k.ExecutionId)], cancellationToken);
        var ids = locked.ToArray();
        var files = request.PurgeStorage && ids.Length > 0
            ? deleteFiles([.. batch.Where(k => locked.Contains(k.ExecutionId))], cancellationToken)
            : Task.FromResult(0);

        await using var deletes = new NpgsqlBatch(connection, transaction);
        int? logs = null, metrics = null, executions = null;
        if (request.PurgeLog)
        {
            logs = Add(deletes, $"DELETE FROM {ExecutionTables.Logs} WHERE deleted IN (true, false) AND execution_id = ANY(@ids)", ids);
        }

        if (request.PurgeMetric)
        {
            metrics = Add(deletes, $"DELETE FROM {ExecutionTables.Metrics} WHERE execution_id = ANY(@ids)", ids);
        }

        if (request.PurgeExecution)
        {
            foreach (var table in ExecutionTables.State)
            {
                Add(deletes, $"DELETE FROM {table} WHERE execution_id = ANY(@ids)", ids);
            }

            executions = Add(deletes, "DELETE FROM executions WHERE deleted IN (true, false) AND id = ANY(@ids)", ids);
        }

        if (deletes.BatchCommands.Count > 0 && ids.Length > 0)
        {
            await deletes.PrepareAsync(cancellationToken);
            await deletes.ExecuteNonQueryAsync(cancellationToken);
        }

        var counts = new PurgeCounts(Affected(deletes, executions), Affected(deletes, logs), Affected(deletes, metrics), await files);
        await using var progress = new NpgsqlBatch(connection, transaction) { BatchCommands = { PurgeRuns.Advance(purgeId, counts) } };
        await progress.PrepareAsync(cancellationToken);
        await progress.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>Row locks in id order, so two purges over the same executions wait for each other instead of deadlocking.</summary>
    private static async Task<HashSet<string>> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] ids, CancellationToken cancellationToken)
    {
        var select = new NpgsqlBatchCommand(
            "SELECT id FROM executions WHERE deleted IN (true, false) AND id = ANY(@ids) AND state = ANY(@states) ORDER BY id FOR UPDATE");
        select.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
        select.Parameters.Add(new NpgsqlParameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = TerminatedStates.Names });
        await using var command = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"), select },
        };
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var locked = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            locked.Add(reader.GetString(0));
        }

        return locked;
    }

    private static int Add(NpgsqlBatch batch, string sql, string[] ids)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
        batch.BatchCommands.Add(command);
        return batch.BatchCommands.Count - 1;
    }

    private static long Affected(NpgsqlBatch batch, int? index) =>
        index is { } i && batch.BatchCommands[i].RecordsAffected > 0 ? batch.BatchCommands[i].RecordsAffected : 0;
}
