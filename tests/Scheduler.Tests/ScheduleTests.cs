using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

[Collection(SchedulerCollection.Name)]
public sealed class ScheduleTests(SchedulerFixture fixture)
{
    private static string EverySecondsFlow(string ns, string id, string extra = "", string task = "type: io.kestra.plugin.core.log.Log\n    message: \"{{ trigger.date }}\"") => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: t
            {task}
        triggers:
          - id: every2s
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "*/2 * * * * *"
            withSeconds: true
        {extra}
        """;

    [Fact]
    public async Task A_two_second_schedule_fires_each_slot_exactly_once_on_two_replicas_and_after_one_stops()
    {
        Assert.Equal(2, fixture.Schedulers.Count);
        await fixture.SaveFlowAsync(EverySecondsFlow("exactly.once", "every2s"));
        await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("exactly.once", "every2s"), runs => runs.Count >= 4, "four slots fired on two replicas", TimeSpan.FromSeconds(30));

        // One replica goes away mid-run; the other carries on alone.
        await fixture.StopSchedulerAsync(fixture.Schedulers[1]);
        var before = (await fixture.ExecutionsAsync("exactly.once", "every2s")).Count;
        await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("exactly.once", "every2s"), runs => runs.Count >= before + 3, "three more slots fired on one replica", TimeSpan.FromSeconds(30));
        await fixture.DeleteFlowAsync("exactly.once", "every2s");
        await fixture.StartSchedulerAsync();

        var runs = await fixture.ExecutionsAsync("exactly.once", "every2s");
        var dates = runs.Select(r => r.Date).OrderBy(d => d).ToList();
        Assert.Equal(dates.Count, dates.Distinct().Count());
        for (var i = 1; i < dates.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), dates[i] - dates[i - 1]);
        }

        foreach (var run in runs)
        {
            var ended = await fixture.Engine.WaitForEndAsync(run.Id);
            Assert.Equal("SUCCESS", ended.State);
        }
    }

    [Fact]
    public async Task After_downtime_ALL_fires_every_missed_slot_LAST_only_the_latest_and_NONE_none()
    {
        foreach (var mode in new[] { "ALL", "LAST", "NONE" })
        {
            await fixture.SaveFlowAsync(EverySecondsFlow("recovery", mode.ToLowerInvariant()).Replace("withSeconds: true", $"withSeconds: true\n    recoverMissedSchedules: {mode}", StringComparison.Ordinal));
        }

        foreach (var mode in new[] { "all", "last", "none" })
        {
            await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("recovery", mode), runs => runs.Count >= 1, $"{mode} fired once before the downtime");
        }

        foreach (var scheduler in fixture.Schedulers.ToList())
        {
            await fixture.StopSchedulerAsync(scheduler);
        }

        var lastBefore = new Dictionary<string, DateTimeOffset>();
        foreach (var mode in new[] { "all", "last", "none" })
        {
            lastBefore[mode] = (await fixture.TriggerAsync("recovery", mode, "every2s"))!.Date!.Value;
        }

        // The downtime: every schedule misses at least three slots, more than MissedAfter (3 s) ago at restart.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var restart = DateTimeOffset.UtcNow;
        await Task.WhenAll(fixture.StartSchedulerAsync(), fixture.StartSchedulerAsync());
        var rows = new Dictionary<string, TriggerRow>();
        foreach (var mode in new[] { "all", "last", "none" })
        {
            rows[mode] = (await Eventually.BecomesAsync(() => fixture.TriggerAsync("recovery", mode, "every2s"),
                row => row!.NextExecutionDate > restart, $"{mode} caught up with the restart", TimeSpan.FromSeconds(30)))!;
        }

        foreach (var mode in new[] { "all", "last", "none" })
        {
            await fixture.DeleteFlowAsync("recovery", mode);
        }

        var missed = Enumerable.Range(1, 3).Select(i => i * TimeSpan.FromSeconds(2)).ToList();
        var all = (await fixture.ExecutionsAsync("recovery", "all")).Select(r => r.Date).ToHashSet();
        Assert.All(missed, gap => Assert.Contains(lastBefore["all"] + gap, all));

        var last = (await fixture.ExecutionsAsync("recovery", "last")).Select(r => r.Date).ToHashSet();
        Assert.All(missed, gap => Assert.DoesNotContain(lastBefore["last"] + gap, last));
        Assert.True(rows["last"].Date > lastBefore["last"] + missed[^1], "LAST fired the latest missed slot");
        Assert.Contains(rows["last"].Date!.Value, last);

        var none = await fixture.ExecutionsAsync("recovery", "none");
        Assert.DoesNotContain(none, r => r.Date > lastBefore["none"] && r.Date < restart);
        Assert.True(rows["none"].NextExecutionDate > restart, "NONE waits for the next slot to come");
    }

    [Fact]
    public async Task A_schedule_locked_by_a_deleted_execution_is_released_by_the_monitoring_loop()
    {
        await fixture.SaveFlowAsync(EverySecondsFlow("healing", "locked", task: "type: io.kestra.plugin.core.flow.Sleep\n    duration: PT8S")
            .Replace("withSeconds: true", "withSeconds: true\n    recoverMissedSchedules: NONE", StringComparison.Ordinal));
        var locked = await Eventually.BecomesAsync(() => fixture.TriggerAsync("healing", "locked", "every2s"), row => row?.ExecutionId is not null, "the schedule is locked by its running execution");

        // Deleted while it runs: no end of it will ever release the schedule.
        await using (var delete = fixture.Data.CreateCommand("UPDATE executions SET deleted = true WHERE id = @id"))
        {
            delete.Parameters.AddWithValue("id", locked!.ExecutionId!);
            await delete.ExecuteNonQueryAsync();
        }

        var healed = await Eventually.BecomesAsync(() => fixture.TriggerAsync("healing", "locked", "every2s"),
            row => row?.ExecutionId is not null && row.ExecutionId != locked.ExecutionId, "the schedule fired again after the monitoring loop released it", TimeSpan.FromSeconds(15));
        await fixture.DeleteFlowAsync("healing", "locked");
        Assert.NotEqual(locked.ExecutionId, healed!.ExecutionId);
        Assert.Contains(await fixture.ExecutionsAsync("healing", "locked"), r => r.Id == healed.ExecutionId && !r.Deleted);
    }
}
