namespace Kite.Worker;

/// <summary>Settings of <c>Kite:Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Task runs this worker runs at once. Default 8 × cores (seed 002); a sleeping task holds no thread.</summary>
    public int Concurrency { get; set; } = 8 * Environment.ProcessorCount;

    /// <summary>A task run whose outputs serialise to more than this fails with a clear message (default 10 MB).</summary>
    public int MaxOutputBytes { get; set; } = 10 * 1024 * 1024;
}
