namespace Kite.Purge;

/// <summary>Settings of <c>Kite:Purge</c>.</summary>
public sealed class PurgeOptions
{
    /// <summary>Purges (task runs and Api requests) run at once by one instance; each holds one connection per batch.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Stored files deleted at once within a batch.</summary>
    public int FileParallelism { get; set; } = 8;

    /// <summary>
    /// After each batch a purge waits this many times as long as the batch took, so that it takes the database from the
    /// engine at most 1 / (1 + ratio) of the time. 0 (the default) runs batches back to back: on the 2-core bench
    /// machine a ratio of 1 made a 200,000-execution purge three times longer without a latency gain beyond noise.
    /// </summary>
    public double PauseRatio { get; set; }
}
