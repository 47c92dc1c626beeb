using System.Collections.Concurrent;
using Kite.Data;
using Microsoft.EntityFrameworkCore;

namespace Kite.Executor.Outbox;

/// <summary>
/// Outbox rows this process has sent and not yet deleted. Deleting them costs no commit of its own: the next step
/// of this process deletes them in its transaction, and the <see cref="OutboxFlusher"/> deletes what no step took
/// within <see cref="ExecutorOptions.OutboxDeleteAfter"/>. A row whose id dies with the process stays in the table,
/// and the sweeper sends it again after <see cref="ExecutorOptions.OutboxRetryAfter"/>: a duplicate, never a loss.
/// </summary>
public sealed class SentOutboxRows(TimeProvider clock)
{
    private const int MostPerStep = 1000;
    private readonly ConcurrentDictionary<long, long> sentAt = new();

    public int Count => sentAt.Count;

    public bool Contains(long id) => sentAt.ContainsKey(id);

    public void Add(IEnumerable<long> ids)
    {
        var now = clock.GetTimestamp();
        foreach (var id in ids)
        {
            sentAt[id] = now;
        }
    }

    /// <summary>
    /// Deletes sent rows in the caller's transaction and returns the ids it deleted, to <see cref="Forget"/> once that
    /// transaction has committed. Rows another transaction holds (another step's, the sweeper's) are skipped, not waited for.
    /// </summary>
    public async Task<IReadOnlyList<long>> DeleteInAsync(KiteDbContext db, CancellationToken cancellationToken)
    {
        var ids = ToDelete();
        if (ids.Length == 0)
        {
            return [];
        }

        return await db.Database.SqlQuery<long>(
                $"""
                DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE id = ANY({ids}) FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The ids a step deletes in its transaction, at most 1,000 (<see cref="DeleteInAsync"/>, or with its row lock).</summary>
    public long[] ToDelete() =>
        // The enumerator takes no lock, unlike Keys.
        [.. sentAt.Select(s => s.Key).Take(MostPerStep)];

    /// <summary>The ids sent at least <paramref name="age"/> ago, at most <paramref name="limit"/>.</summary>
    public long[] OlderThan(TimeSpan age, int limit) =>
        [.. sentAt.Where(s => clock.GetElapsedTime(s.Value) >= age).Take(limit).Select(s => s.Key)];

    public void Forget(IEnumerable<long> deleted)
    {
        foreach (var id in deleted)
        {
            sentAt.TryRemove(id, out _);
        }
    }
}
