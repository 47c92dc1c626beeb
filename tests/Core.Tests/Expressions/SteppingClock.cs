namespace Kite.Core.Tests.Expressions;

/// <summary>A clock that moves <paramref name="step"/> every time it is read, so that a time limit is reached after a known number of reads.</summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => now += step.Ticks;
}
