namespace Kite.Purge.Retention;

/// <summary>One retention policy: what is older than <see cref="Age"/> is purged on the Quartz cron <see cref="Schedule"/>.</summary>
public sealed class RetentionPolicy
{
    public bool Enabled { get; set; }

    public TimeSpan Age { get; set; }

    /// <summary>A Quartz cron expression (seconds first), evaluated in UTC.</summary>
    public string Schedule { get; set; } = "0 0 * * * ?";

    public int BatchSize { get; set; } = 100;
}
