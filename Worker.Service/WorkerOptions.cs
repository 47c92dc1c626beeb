namespace Kite.Worker;

/// <summary>Settings of <c>Kite:Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Task runs this worker runs at once. Default 8 × cores (seed 002). Sleeps are counted apart.</summary>
    public int Concurrency { get; set; } = 8 * Environment.ProcessorCount;

    /// <summary>Tasks that only wait (Sleep) this worker runs at once, from their own queue: each holds a timer, not a thread.</summary>
    public int WaitConcurrency { get; set; } = 1000;

    /// <summary>A task run whose outputs serialise to more than this fails with a clear message (default 10 MB).</summary>
    public int MaxOutputBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The longest one jsonata.TransformValue evaluation may run before its task run fails (default 10 s).</summary>
    public TimeSpan TransformTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The bytes one jsonata.TransformValue evaluation may allocate before its task run fails (default 512 MB).</summary>
    public long TransformMemoryBytes { get; set; } = 512L * 1024 * 1024;
}
