using Kite.Integration.Tests.Fixtures;
using Kite.Purge.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Kite.Purge.Tests;

/// <summary>Housekeeping on Purge.Service's schedule (triggered here): executor state of ended executions goes, live state stays.</summary>
[Collection(PurgeCollection.Name)]
public sealed class HousekeepingTests(PurgeFixture fixture)
{
    [Fact]
    public async Task Housekeeping_deletes_timers_and_queue_entries_of_long_ended_executions_and_keeps_those_of_live_ones()
    {
        var old = DateTimeOffset.UtcNow.AddHours(-2);
        await Seed.ExecutionsAsync(fixture.Database,
        [
            new("house-ended", "house", "f", "SUCCESS", old, old.AddMinutes(1)),
            new("house-paused", "house", "f", "PAUSED", old, old.AddMinutes(1)),
            new("house-just-ended", "house", "f", "FAILED", old, DateTimeOffset.UtcNow),
        ]);
        await using (var connection = new NpgsqlConnection(fixture.Database))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO execution_timers (execution_id, task_run_id, kind, due_at)
                SELECT id, id || '-t0', 'RETRY', @due FROM unnest(@ids) AS id;
                INSERT INTO execution_queue (execution_id, namespace, flow_id, queued_at)
                SELECT id, 'house', 'f', @due FROM unnest(@ids) AS id;
                """, connection);
            insert.Parameters.AddWithValue("due", old);
            insert.Parameters.AddWithValue("ids", new[] { "house-ended", "house-paused", "house-just-ended", "house-gone" });
            await insert.ExecuteNonQueryAsync();
        }

        var scheduler = await fixture.ServicesOf("purge").GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("housekeeping"));

        await Eventually.BecomesAsync(
            () => MigratedDatabase.QueryAsync(fixture.Database, """
                SELECT 'timer ' || execution_id FROM execution_timers WHERE execution_id LIKE 'house-%'
                UNION ALL SELECT 'queued ' || execution_id FROM execution_queue WHERE execution_id LIKE 'house-%' ORDER BY 1
                """, r => r.GetString(0)),
            left => left.SequenceEqual(["queued house-just-ended", "queued house-paused", "timer house-just-ended", "timer house-paused"]),
            "timers and queue entries of executions ended long ago are deleted");
    }
}
