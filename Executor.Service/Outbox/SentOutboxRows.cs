using System.Collections.Concurrent;

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

    /// <summary>The ids a step deletes in its transaction, with its row lock, at most 1,000 (rows another transaction holds are skipped).</summary>
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
