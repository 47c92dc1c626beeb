namespace Kite.Data.Purges;

/// <summary>No rest between batches: a purge's full speed (benches, tests, and the purgers' default).</summary>
public sealed class BackToBackBatches : IBatchPacer
{
    public static BackToBackBatches Instance { get; } = new();

    private BackToBackBatches()
    {
    }

    public Task AfterBatchAsync(TimeSpan batch, CancellationToken cancellationToken) => Task.CompletedTask;
}
