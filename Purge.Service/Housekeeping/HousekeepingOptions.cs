namespace Kite.Purge.Housekeeping;

/// <summary>Settings of <c>Kite:Purge:Housekeeping</c>.</summary>
public sealed class HousekeepingOptions
{
    /// <summary>A Quartz cron expression (seconds first), evaluated in UTC.</summary>
    public string Schedule { get; set; } = "0 */10 * * * ?";

    /// <summary>Ended purges (their counts and errors) are kept this long for the Api, then deleted.</summary>
    public TimeSpan PurgeHistory { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Timers and queue entries of an execution ended (or gone) for longer than this are deleted.</summary>
    public TimeSpan EndedExecutionGrace { get; set; } = TimeSpan.FromMinutes(10);
}
