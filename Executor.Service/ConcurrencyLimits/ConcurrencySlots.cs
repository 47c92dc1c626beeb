using Kite.Data;
using Microsoft.EntityFrameworkCore;

namespace Kite.Executor.ConcurrencyLimits;

/// <summary>
/// A flow's <c>concurrency.limit</c> as one counter row, changed inside the step's transaction: taking a slot is a
/// conditional increment (the row lock serialises racing starts), and freeing one hands it straight to the oldest
/// queued execution, so the count never drifts the way Kestra's earlier query-based checks did.
/// </summary>
public sealed class ConcurrencySlots(KiteDbContext db)
{
    public async Task<bool> TryTakeAsync(string @namespace, string flowId, int limit, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO concurrency_limits (namespace, flow_id, running) VALUES ({@namespace}, {flowId}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE concurrency_limits SET running = running + 1 WHERE namespace = {@namespace} AND flow_id = {flowId} AND running < {limit}",
            cancellationToken) == 1;
    }

    public Task QueueAsync(string executionId, string @namespace, string flowId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO execution_queue (execution_id, namespace, flow_id, queued_at) VALUES ({executionId}, {@namespace}, {flowId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);

    public Task LeaveQueueAsync(string executionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM execution_queue WHERE execution_id = {executionId}", cancellationToken);

    /// <summary>Frees the slot of an execution that ended; returns the queued execution that takes it, if any.</summary>
    public async Task<string?> ReleaseAsync(string @namespace, string flowId, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<string>(
                $"""
                DELETE FROM execution_queue WHERE execution_id = (
                    SELECT execution_id FROM execution_queue WHERE namespace = {@namespace} AND flow_id = {flowId}
                    ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING execution_id AS "Value"
                """)
            .ToListAsync(cancellationToken);
        if (next.Count == 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE concurrency_limits SET running = GREATEST(running - 1, 0) WHERE namespace = {@namespace} AND flow_id = {flowId}",
                cancellationToken);
            return null;
        }

        return next[0];
    }
}
