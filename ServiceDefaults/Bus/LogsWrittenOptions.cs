namespace Microsoft.Extensions.Hosting;

/// <summary>Settings of <c>Kite:Bus:LogsWritten</c>: how a worker gathers its LogsWritten announcements.</summary>
public sealed class LogsWrittenOptions
{
    /// <summary>At most one announcement per interval; the executions of every flush within it share one.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Executions gathered before an announcement goes out without waiting for the interval. While one is under way (a
    /// broker slow to confirm), ten times as many are held at most; past that, new ones are dropped with a warning.
    /// </summary>
    public int MaxExecutions { get; set; } = 1_000;
}
