namespace Kite.Purge.Pacing;

/// <summary>
/// The pacing decision of one purge, without I/O: after each batch, the rest before the next. The purge keeps a duty
/// (its share of time in batches) between its profile's floor and ceiling, AIMD: a batch after which the engine is
/// busy, or that took <see cref="PacingOptions.SlowBatch"/> times its recent fastest (the database is contended),
/// halves the duty; a quiet one adds <see cref="PacingOptions.Increase"/>. The rest is the batch's time scaled to
/// that duty, at most <see cref="PacingOptions.MaxPause"/>.
/// </summary>
public sealed class PurgePace(PacingProfile profile, PacingOptions options)
{
    /// <summary>How fast the recent fastest batch is forgotten, per batch, so a lasting slowdown becomes the new normal.</summary>
    private const double BaselineCreep = 1.02;

    private TimeSpan? baseline;

    /// <summary>A purge starts at its floor: it has to see the engine idle before it speeds up.</summary>
    public double Duty { get; private set; } = profile.Floor;

    public bool Slowed { get; private set; }

    public TimeSpan After(TimeSpan batch, bool engineBusy)
    {
        baseline = baseline is { } fastest ? Min(batch, fastest * BaselineCreep) : batch;
        Slowed = batch > baseline.Value * options.SlowBatch;
        Duty = engineBusy || Slowed
            ? Math.Max(profile.Floor, Duty * options.Decrease)
            : Math.Min(profile.Ceiling, Duty + options.Increase);
        // Computed in ticks and capped before it becomes a TimeSpan: a duty of 0 means the longest rest, not an overflow.
        var rest = Duty <= 0 ? double.PositiveInfinity : batch.Ticks * ((1 - Math.Min(Duty, 1)) / Duty);
        return rest < options.MaxPause.Ticks ? TimeSpan.FromTicks((long)rest) : options.MaxPause;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
