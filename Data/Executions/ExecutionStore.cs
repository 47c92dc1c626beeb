using Kite.Core.Executions;
using Kite.Data.Records;
using Kite.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kite.Data.Executions;

/// <summary>
/// Reads an execution for a step with its row locked (<c>SELECT ... FOR UPDATE</c>), so steps of the same
/// execution are serialised across executor replicas, and writes back only what the step changed (the execution's runs are read untracked; only changed ones are attached).
/// </summary>
public sealed class ExecutionStore(KiteDbContext db)
{
    public async Task<LockedExecution?> LockAsync(string executionId, CancellationToken cancellationToken) =>
        (await LockAsync(executionId, [], cancellationToken)).Locked;

    /// <summary>
    /// Locks the execution's row and reads it with its runs (null when there is no such execution), and in the same
    /// round trip deletes the <paramref name="sentOutbox"/> rows no other transaction holds (see <see cref="LockVersionAsync"/>).
    /// </summary>
    public async Task<(LockedExecution? Locked, IReadOnlyList<long> DeletedOutbox)> LockAsync(string executionId, long[] sentOutbox, CancellationToken cancellationToken)
    {
        // One batch instead of EF's two queries and the delete, each on its own round trip: the runs are read after
        // the lock is taken, in the same transaction, so they are the ones the last step committed.
        await using var batch = Batch(executionId, sentOutbox,
            $"SELECT {ExecutionRows.ExecutionColumns(db)} FROM executions WHERE id = $1 AND deleted IN (true, false) FOR UPDATE",
            $"SELECT {ExecutionRows.TaskRunColumns(db)} FROM task_runs WHERE execution_id = $1");
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var record = await reader.ReadAsync(cancellationToken) ? ExecutionRows.ReadExecution(reader) : null;
        await reader.NextResultAsync(cancellationToken);
        // Untracked: a step changes a few of an execution's runs, and a 10,000-iteration loop must not pay for tracking
        // (snapshotting, then comparing at save) all of them in every step; Stage attaches only the changed ones.
        var runs = new Dictionary<string, TaskRunRecord>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var run = ExecutionRows.ReadTaskRun(reader);
            runs[run.Id] = run;
        }

        var deleted = await DeletedAsync(reader, cancellationToken);
        if (record is null)
        {
            return (null, deleted);
        }

        db.Executions.Attach(record);
        return (new LockedExecution(ExecutionMapping.ToDomain(record, runs.Values), record, runs), deleted);
    }

    /// <summary>
    /// Locks the execution's row and reads only its version (null when there is no such execution), and in the same
    /// round trip deletes those of the <paramref name="sentOutbox"/> rows no other transaction holds (another step's,
    /// the sweeper's: skipped, not waited for); returns the ids deleted, gone only if the caller's transaction commits.
    /// </summary>
    public async Task<(long? Version, IReadOnlyList<long> DeletedOutbox)> LockVersionAsync(string executionId, long[] sentOutbox, CancellationToken cancellationToken)
    {
        await using var batch = Batch(executionId, sentOutbox, "SELECT step_version FROM executions WHERE id = $1 AND deleted IN (true, false) FOR UPDATE");
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        long? version = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
        return (version, await DeletedAsync(reader, cancellationToken));
    }

    /// <summary>The reads, each taking the execution id as <c>$1</c>, then the sent outbox rows' delete when there are any.</summary>
    private NpgsqlBatch Batch(string executionId, long[] sentOutbox, params string[] reads)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var read in reads)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(read) { Parameters = { new NpgsqlParameter<string> { TypedValue = executionId } } });
        }

        if (sentOutbox.Length > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE id = ANY($1) FOR UPDATE SKIP LOCKED) RETURNING id")
            {
                Parameters = { new NpgsqlParameter<long[]> { TypedValue = sentOutbox } },
            });
        }

        return batch;
    }

    /// <summary>The ids the batch's outbox delete returned: its last result, when it has one after the reads.</summary>
    private static async Task<IReadOnlyList<long>> DeletedAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var deleted = new List<long>();
        if (await reader.NextResultAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(reader.GetInt64(0));
            }
        }

        return deleted;
    }

    /// <summary>
    /// An execution kept in memory since the step that last wrote it, whose version <see cref="LockVersionAsync"/>
    /// found unchanged: its row is tracked again as read, and its runs are not read at all.
    /// </summary>
    public LockedExecution Reuse(LockedExecution kept)
    {
        db.Executions.Attach(kept.Record);
        return kept;
    }

    /// <summary>Stages the step's changes on the tracked rows; the caller saves them with its transaction.</summary>
    public void Stage(LockedExecution locked, IEnumerable<string> removedTaskRuns)
    {
        foreach (var removed in removedTaskRuns)
        {
            if (locked.TaskRunRecords.Remove(removed, out var record))
            {
                db.TaskRuns.Remove(record);
            }
        }

        ExecutionMapping.CopyTo(locked.Execution, locked.Record);
        locked.Record.StepVersion++;
        for (var position = 0; position < locked.Execution.TaskRuns.Count; position++)
        {
            var run = locked.Execution.TaskRuns[position];
            if (!run.Changed)
            {
                continue;
            }

            if (locked.TaskRunRecords.TryGetValue(run.Id, out var existing))
            {
                ExecutionMapping.CopyTo(run, existing);
                db.TaskRuns.Update(existing);
            }
            else
            {
                var record = ExecutionMapping.ToRecord(run, locked.Execution.Id, position);
                locked.TaskRunRecords[run.Id] = record;
                db.TaskRuns.Add(record);
            }
        }
    }
}
