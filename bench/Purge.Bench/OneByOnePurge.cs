using Kite.Data.Purges;
using Kite.Data.Storage;
using Npgsql;

namespace Kite.Purge.Bench;

/// <summary>
/// The baseline: Kestra's purge before 1.1, one execution at a time: its logs, its metrics, its task runs, its
/// files, then the execution. Given one transaction per execution (kinder than a commit per statement), over the same
/// matching query as the batched purge.
/// </summary>
public static class OneByOnePurge
{
    public static async Task<PurgeCounts> RunAsync(NpgsqlDataSource dataSource, IInternalStorage storage, ExecutionPurgeRequest request)
    {
        var counts = default(PurgeCounts);
        await using var connection = await dataSource.OpenConnectionAsync();
        await foreach (var execution in ExecutionCandidates.ReadAsync(dataSource, request, CancellationToken.None))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var logs = await DeleteAsync(connection, transaction, "DELETE FROM logs WHERE deleted IN (true, false) AND execution_id = @id", execution.ExecutionId);
            var metrics = await DeleteAsync(connection, transaction, "DELETE FROM metrics WHERE execution_id = @id", execution.ExecutionId);
            await DeleteAsync(connection, transaction, "DELETE FROM task_runs WHERE execution_id = @id", execution.ExecutionId);
            var files = await storage.DeleteExecutionsAsync([execution], CancellationToken.None);
            var executions = await DeleteAsync(connection, transaction, "DELETE FROM executions WHERE deleted IN (true, false) AND id = @id", execution.ExecutionId);
            await transaction.CommitAsync();
            counts += new PurgeCounts(executions, logs, metrics, files);
        }

        return counts;
    }

    private static async Task<int> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string id)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync();
    }
}
