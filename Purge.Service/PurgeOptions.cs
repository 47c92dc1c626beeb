namespace Kite.Purge;

/// <summary>Settings of <c>Kite:Purge</c>.</summary>
public sealed class PurgeOptions
{
    /// <summary>Purges (task runs and Api requests) run at once by one instance; each holds one connection per batch.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Stored files deleted at once within a batch.</summary>
    public int FileParallelism { get; set; } = 8;
}
