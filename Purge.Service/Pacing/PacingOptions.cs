namespace Kite.Purge.Pacing;

/// <summary>Settings of <c>Kite:Purge:Pacing</c>: how a purge yields to the engine (see <see cref="PurgePace"/>).</summary>
public sealed class PacingOptions
{
    /// <summary>Api and task purges: a tenth of the time while the engine is busy, full speed when it is idle.</summary>
    public PacingProfile Requested { get; set; } = new() { Floor = 0.1, Ceiling = 1 };

    /// <summary>Retention: a twentieth of the time while the engine is busy, half the time when it is idle.</summary>
    public PacingProfile Retention { get; set; } = new() { Floor = 0.05, Ceiling = 0.5 };

    /// <summary>Executions started or ended within <see cref="BusyWindow"/> that make the engine busy (1: any).</summary>
    public int BusyExecutions { get; set; } = 1;

    public TimeSpan BusyWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the engine's activity is read (once for all the purges of the instance).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A batch this many times slower than the purge's recent fastest counts as the database being busy.</summary>
    public double SlowBatch { get; set; } = 2;

    /// <summary>Duty added after each quiet batch (the additive increase).</summary>
    public double Increase { get; set; } = 0.05;

    /// <summary>Duty kept after each busy batch (the multiplicative decrease).</summary>
    public double Decrease { get; set; } = 0.5;

    /// <summary>The longest rest between two batches, whatever the duty: a purge runs at least one batch this often.</summary>
    public TimeSpan MaxPause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The nice value Purge.Service's threads run at on Linux (0: left as started; 19: only idle CPU).</summary>
    public int Nice { get; set; } = 10;
}
