using Kite.Integration.Tests.Fixtures;
using Kite.Purge.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kite.Purge.Tests;

/// <summary>Retention policies on Purge.Service's Quartz schedules (triggered here rather than waited for).</summary>
[Collection(PurgeCollection.Name)]
public sealed class RetentionTests(PurgeFixture fixture)
{
    [Fact]
    public async Task Log_retention_deletes_lines_past_7_days_except_in_a_namespace_that_keeps_them_30_days()
    {
        var now = DateTimeOffset.UtcNow;
        var logs = (from ns in new[] { "retention.plain", "retention.keep", "retention.keep.child" }
                    from age in new[] { 1, 10, 40 }
                    select new SeededLog(ns, "f", null, "INFO", now.AddDays(-age))).ToList();
        await Seed.LogsAsync(fixture.Database, logs);

        var scheduler = await fixture.ServicesOf("purge").GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("retention-logs"));

        var expected = new[] { ("retention.keep", 1), ("retention.keep", 10), ("retention.keep.child", 1), ("retention.keep.child", 10), ("retention.plain", 1) };
        await Eventually.BecomesAsync(
            () => MigratedDatabase.QueryAsync(fixture.Database,
                "SELECT namespace, round(extract(epoch FROM now() - timestamp) / 86400)::int FROM logs WHERE namespace LIKE 'retention.%' ORDER BY 1, 2",
                r => (r.GetString(0), r.GetInt32(1))),
            left => left.SequenceEqual(expected), "old lines are purged by namespace age");
    }
}
