using Kite.Core.Executions;
using Kite.Data;
using Microsoft.EntityFrameworkCore;

namespace Kite.Executor.Timers;

/// <summary>
/// The executor's delays in <c>execution_timers</c>. Claiming marks due rows with a lease (<c>FOR UPDATE SKIP
/// LOCKED</c>, so replicas split them); a timer is deleted only after its step committed, and a claim whose
/// executor died is taken over when its lease runs out. Firing twice is harmless: the step ignores a timer
/// whose task run no longer waits.
/// </summary>
public sealed class TimerStore(KiteDbContext db, TimerWakeUp wakeUp)
{
    private DateTimeOffset? earliestAdded;

    public Task AddAsync(string executionId, ExecutionTimer timer, CancellationToken cancellationToken)
    {
        earliestAdded = earliestAdded is { } earliest && earliest <= timer.Due ? earliest : timer.Due;
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO execution_timers (execution_id, task_run_id, kind, due_at)
            VALUES ({executionId}, {timer.TaskRunId}, {timer.Kind.ToString()}, {timer.Due})
            ON CONFLICT (task_run_id, kind, due_at) DO NOTHING
            """,
            cancellationToken);
    }

    /// <summary>The transaction that added timers committed: this process's poller wakes for them when they are due.</summary>
    public void Committed()
    {
        if (earliestAdded is { } due)
        {
            wakeUp.Added(due);
            earliestAdded = null;
        }
    }

    /// <summary>A read without locks, in no transaction: all that an idle executor asks.</summary>
    public async Task<TimerOutlook> LookAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<TimerOutlook>(
                $"""
                SELECT EXISTS (SELECT 1 FROM execution_timers
                               WHERE due_at <= {now} AND (claimed_at IS NULL OR claimed_at < {now - lease})) AS due,
                       (SELECT min(due_at) FROM execution_timers WHERE due_at > {now}) AS next_due
                """)
            .ToListAsync(cancellationToken))[0];

    public Task<List<DueTimer>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<DueTimer>(
                $"""
                UPDATE execution_timers SET claimed_at = {now}
                WHERE id IN (
                    SELECT id FROM execution_timers
                    WHERE due_at <= {now} AND (claimed_at IS NULL OR claimed_at < {now - lease})
                    ORDER BY due_at LIMIT {limit} FOR UPDATE SKIP LOCKED)
                RETURNING id, execution_id, task_run_id, kind
                """)
            .ToListAsync(cancellationToken);

    /// <summary>Fired timers, deleted together once their steps committed.</summary>
    public Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Database.ExecuteSqlAsync($"DELETE FROM execution_timers WHERE id = ANY({ids.ToArray()})", cancellationToken);

    /// <summary>The timers of an execution that ended are of no use any more.</summary>
    public Task DeleteForAsync(string executionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM execution_timers WHERE execution_id = {executionId}", cancellationToken);
}
