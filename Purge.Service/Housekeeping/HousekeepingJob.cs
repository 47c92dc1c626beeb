using Kite.Data;
using Kite.Data.Purges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace Kite.Purge.Housekeeping;

/// <summary>
/// Deletes what running the suite accumulates and nothing else cleans: ended purge rows past their history, and the
/// executor's timers and queue entries of executions that have ended (or are gone) for longer than a grace period.
/// (<c>service_instance</c> rows of dead instances are deleted by every service's heartbeat, see
/// <c>Kite:ServiceInstance:Retention</c>.)
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(KiteDbContext db, NpgsqlDataSource dataSource, IOptions<HousekeepingOptions> options, TimeProvider clock, ILogger<HousekeepingJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var now = clock.GetUtcNow();
        var threshold = now - options.Value.PurgeHistory;
        var purges = await db.Purges
            .Where(p => (p.State == PurgeRuns.Success || p.State == PurgeRuns.Failed) && p.UpdatedAt < threshold)
            .ExecuteDeleteAsync(context.CancellationToken);
        Report("purge row(s) ended before " + threshold.ToString("O", System.Globalization.CultureInfo.InvariantCulture), purges);

        foreach (var table in ExecutionTables.Transient)
        {
            await using var command = dataSource.CreateCommand($"""
                DELETE FROM {table} t WHERE NOT EXISTS (
                    SELECT 1 FROM executions e WHERE e.deleted IN (true, false) AND e.id = t.execution_id AND e.state <> ALL(@ended)
                      OR e.deleted IN (true, false) AND e.id = t.execution_id AND e.end_date > @grace)
                """);
            command.Parameters.AddWithValue("ended", TerminatedStates.Names);
            command.Parameters.AddWithValue("grace", now - options.Value.EndedExecutionGrace);
            Report($"{table} row(s) of executions ended before {now - options.Value.EndedExecutionGrace:O}", await command.ExecuteNonQueryAsync(context.CancellationToken));
        }
    }

    private void Report(string what, int count)
    {
        if (count > 0)
        {
            logger.LogInformation("Housekeeping deleted {Count} {What}", count, what);
        }
    }
}
