namespace Kite.Executor.Timers;

/// <summary>Whether some timer is due and unclaimed now, and when the next one not yet due is.</summary>
public sealed record TimerOutlook(bool Due, DateTimeOffset? NextDue);
