namespace Kite.Data.Purges;

/// <summary>Rows and files a purge deleted.</summary>
public readonly record struct PurgeCounts(long Executions, long Logs, long Metrics, long Storages)
{
    public static PurgeCounts operator +(PurgeCounts a, PurgeCounts b) =>
        new(a.Executions + b.Executions, a.Logs + b.Logs, a.Metrics + b.Metrics, a.Storages + b.Storages);
}
