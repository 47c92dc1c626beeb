using Kite.Core.Scheduling;
using Kite.Core.Triggers;

namespace Kite.Scheduler.Tests.Unit;

public sealed class SlotPlannerTests
{
    private static readonly CronSchedule Hourly = CronSchedule.Parse("0 * * * *", false, null, TimeZoneInfo.Utc);
    private static readonly DateTimeOffset Due = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MissedAfter = TimeSpan.FromSeconds(15);

    [Fact]
    public void A_slot_due_a_moment_ago_fires_whatever_the_recovery()
    {
        foreach (var recover in Enum.GetValues<RecoverMissedSchedules>())
        {
            var decision = SlotPlanner.Decide(Hourly, Due, Due.AddSeconds(1), recover, MissedAfter, null);
            Assert.Equal(Due, decision.Fire);
            Assert.Equal(Due.AddHours(1), decision.Next);
        }
    }

    [Fact]
    public void After_downtime_ALL_fires_the_oldest_missed_slot_first()
    {
        var decision = SlotPlanner.Decide(Hourly, Due, Due.AddHours(3).AddMinutes(30), RecoverMissedSchedules.All, MissedAfter, null);
        Assert.Equal(Due, decision.Fire);
        Assert.Equal(Due.AddHours(1), decision.Next);
    }

    [Fact]
    public void After_downtime_LAST_fires_only_the_latest_missed_slot()
    {
        var decision = SlotPlanner.Decide(Hourly, Due, Due.AddHours(3).AddMinutes(30), RecoverMissedSchedules.Last, MissedAfter, null);
        Assert.Equal(Due.AddHours(3), decision.Fire);
        Assert.Equal(Due.AddHours(4), decision.Next);
    }

    [Fact]
    public void After_downtime_NONE_fires_nothing_and_waits_for_the_next_slot()
    {
        var decision = SlotPlanner.Decide(Hourly, Due, Due.AddHours(3).AddMinutes(30), RecoverMissedSchedules.None, MissedAfter, null);
        Assert.Null(decision.Fire);
        Assert.Equal(Due.AddHours(4), decision.Next);
    }

    [Fact]
    public void A_slot_later_than_lateMaximumDelay_is_skipped_to_the_first_slot_within_it()
    {
        var decision = SlotPlanner.Decide(Hourly, Due, Due.AddHours(2).AddMinutes(10), RecoverMissedSchedules.All, MissedAfter, TimeSpan.FromMinutes(30));
        Assert.Null(decision.Fire);
        Assert.Equal(Due.AddHours(2), decision.Next);
    }
}
