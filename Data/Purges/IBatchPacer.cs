namespace Kite.Data.Purges;

/// <summary>
/// What a purge does between two batches. Purge.Service's pacer rests so that the engine keeps the CPU and the
/// database when it needs them; <see cref="BackToBackBatches"/> does not rest at all.
/// </summary>
public interface IBatchPacer
{
    /// <summary>Called after each committed batch with how long it took; the next batch starts when it returns.</summary>
    Task AfterBatchAsync(TimeSpan batch, CancellationToken cancellationToken);
}
