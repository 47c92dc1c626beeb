using Npgsql;

namespace Kite.Bench.Load;

/// <summary>
/// Keeps one rate's queue out of the next one's numbers. Before the first measurement of a run the suite is warmed
/// (its services' code compiled, pools and channels opened: a freshly started suite is several times slower for its
/// first half minute), and before every measurement the bench waits until no execution is left running.
/// </summary>
internal sealed class SuiteSettler(NpgsqlDataSource database, TimeSpan suiteWarmUp, TimeSpan timeout)
{
    private const string Unfinished = "SELECT count(*) FROM executions WHERE end_date IS NULL AND state NOT IN ('PAUSED', 'QUEUED')";

    /// <summary>The warm-up rate: high enough to compile every path, low enough not to build a queue of its own.</summary>
    private const double WarmUpPerSecond = 5;

    private bool warmed;

    public async Task SettleAsync(Func<int, Task<string?>> send, double perSecond, Action<double> progress, CancellationToken cancellationToken)
    {
        if (!warmed && suiteWarmUp > TimeSpan.Zero)
        {
            warmed = true;
            await OpenLoopLoad.RunAsync(Math.Min(perSecond, WarmUpPerSecond), TimeSpan.Zero, suiteWarmUp, send, p => progress(p / 2), cancellationToken);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && await UnfinishedAsync(cancellationToken) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        progress(1);
    }

    private async Task<long> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Unfinished);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
