namespace Kite.Purge.Pacing;

/// <summary>
/// The share of its time a purge of one priority may spend in batches (its duty): never less than <see cref="Floor"/>,
/// however busy the engine, and at most <see cref="Ceiling"/>, when the engine is idle.
/// </summary>
public sealed class PacingProfile
{
    public double Floor { get; set; }

    public double Ceiling { get; set; } = 1;
}
