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
public sealed class TimerStore(KiteDbContext db)
{
    public Task AddAsync(string executionId, ExecutionTimer timer, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO execution_timers (execution_id, task_run_id, kind, due_at)
            VALUES ({executionId}, {timer.TaskRunId}, {timer.Kind.ToString()}, {timer.Due})
            ON CONFLICT (task_run_id, kind, due_at) DO NOTHING
            """,
            cancellationToken);

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

    public Task DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM execution_timers WHERE id = {id}", cancellationToken);

    /// <summary>The timers of an execution that ended are of no use any more.</summary>
    public Task DeleteForAsync(string executionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM execution_timers WHERE execution_id = {executionId}", cancellationToken);
}
