using Kite.Integration.Tests.Fixtures;
using Kite.Scheduler.Tests.Fixtures;

namespace Kite.Scheduler.Tests;

[Collection(SchedulerCollection.Name)]
public sealed class PublicHolidayScheduleTests(SchedulerFixture fixture)
{
    private static string Flow(string id, string date) => $"""
        id: {id}
        namespace: holiday.schedule
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: "{"{{ trigger.date }}"}"
        triggers:
          - id: every2s
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "*/2 * * * * *"
            withSeconds: true
            conditions:
              - type: io.kestra.plugin.core.condition.PublicHoliday
                date: "{date}"
                country: FR
        """;

    [Fact]
    public async Task A_schedule_with_a_PublicHoliday_condition_fires_on_a_holiday_date_and_skips_its_slots_on_another()
    {
        // Bastille Day, and the day before it.
        await fixture.SaveFlowAsync(Flow("on-holiday", "2023-07-14"));
        await fixture.SaveFlowAsync(Flow("on-workday", "2023-07-13"));

        await Eventually.BecomesAsync(() => fixture.ExecutionsAsync("holiday.schedule", "on-holiday"), runs => runs.Count >= 1, "the holiday schedule fired",
            TimeSpan.FromSeconds(30));
        var seen = await Eventually.BecomesAsync(() => fixture.TriggerAsync("holiday.schedule", "on-workday", "every2s"), row => row?.Date is not null,
            "the workday schedule evaluated a slot");
        await Eventually.BecomesAsync(() => fixture.TriggerAsync("holiday.schedule", "on-workday", "every2s"), row => row!.Date > seen!.Date,
            "the workday schedule evaluated a later slot", TimeSpan.FromSeconds(30));
        Assert.Empty(await fixture.ExecutionsAsync("holiday.schedule", "on-workday"));

        await fixture.DeleteFlowAsync("holiday.schedule", "on-holiday");
        await fixture.DeleteFlowAsync("holiday.schedule", "on-workday");
    }
}
