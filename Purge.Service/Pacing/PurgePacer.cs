using Kite.Data.Purges;

namespace Kite.Purge.Pacing;

/// <summary>One purge's pacer: reads the engine's activity after each batch, asks its <see cref="PurgePace"/> for the rest, and rests.</summary>
public sealed class PurgePacer(string purgeId, PurgePace pace, IEngineActivity engine, TimeProvider clock, ILogger logger) : IBatchPacer
{
    private bool? yielding;

    public async Task AfterBatchAsync(TimeSpan batch, CancellationToken cancellationToken)
    {
        var busy = await engine.IsBusyAsync(cancellationToken);
        var rest = pace.After(batch, busy);
        // Logged when the engine's state changes, not per batch (a slow batch alone is too frequent to log).
        if (yielding != busy)
        {
            yielding = busy;
            logger.LogInformation("Purge {PurgeId} {Pace}: duty {Duty:P0}, {Rest} ms rest after a {Batch} ms batch",
                purgeId, busy ? "yields to the busy engine" : "speeds up, the engine is idle", pace.Duty,
                (int)rest.TotalMilliseconds, (int)batch.TotalMilliseconds);
        }

        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, clock, cancellationToken);
        }
    }
}
