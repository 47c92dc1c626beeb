using System.Collections.Concurrent;

namespace Kite.Worker.Jobs;

/// <summary>
/// The task runs this worker is running, by execution, so a kill cancels them; and the executions killed lately, so
/// their jobs still queued are refused. The killed set forgets ids after an hour and never holds more than 10,000.
/// </summary>
public sealed class KilledExecutions(TimeProvider clock)
{
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> killed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<CancellationTokenSource, byte>> running = new(StringComparer.Ordinal);

    public bool IsKilled(string executionId) => killed.ContainsKey(executionId);

    /// <summary>Tracks a running task run of <paramref name="executionId"/> until the returned scope is disposed.</summary>
    public IDisposable Track(string executionId, CancellationTokenSource cancellation)
    {
        var runs = running.GetOrAdd(executionId, _ => new());
        runs[cancellation] = 0;
        if (IsKilled(executionId))
        {
            cancellation.Cancel();
        }

        return new Untrack(() =>
        {
            runs.TryRemove(cancellation, out _);
            if (runs.IsEmpty)
            {
                running.TryRemove(new KeyValuePair<string, ConcurrentDictionary<CancellationTokenSource, byte>>(executionId, runs));
            }
        });
    }

    public int Kill(string executionId)
    {
        var now = clock.GetUtcNow();
        if (killed.Count >= MaxRemembered)
        {
            foreach (var old in killed.Where(k => now - k.Value > Remembered || killed.Count >= MaxRemembered).Take(killed.Count / 2 + 1))
            {
                killed.TryRemove(old.Key, out _);
            }
        }

        killed[executionId] = now;
        var cancelled = 0;
        if (running.TryGetValue(executionId, out var runs))
        {
            foreach (var run in runs.Keys)
            {
                run.Cancel();
                cancelled++;
            }
        }

        return cancelled;
    }

    private sealed class Untrack(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
