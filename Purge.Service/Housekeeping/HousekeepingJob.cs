using Kite.Data;
using Kite.Data.Purges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Kite.Purge.Housekeeping;

/// <summary>
/// Deletes what running the suite accumulates and nothing else cleans: ended purge rows past their history.
/// (<c>service_instance</c> rows of dead instances are deleted by every service's heartbeat, see
/// <c>Kite:ServiceInstance:Retention</c>; per-execution state goes with its execution in <see cref="ExecutionTables"/>.)
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(KiteDbContext db, IOptions<HousekeepingOptions> options, TimeProvider clock, ILogger<HousekeepingJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var threshold = clock.GetUtcNow() - options.Value.PurgeHistory;
        var deleted = await db.Purges
            .Where(p => (p.State == PurgeRuns.Success || p.State == PurgeRuns.Failed) && p.UpdatedAt < threshold)
            .ExecuteDeleteAsync(context.CancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} purge row(s) ended before {Threshold}", deleted, threshold);
        }
    }
}
