using Kite.Core.Scheduling;

namespace Kite.Scheduler.Tests.Unit;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Five_field_cron_fires_at_the_next_matching_minute()
    {
        var cron = CronSchedule.Parse("*/15 9-17 * * 1-5", false, null, Utc);
        Assert.Equal(At("2026-11-23T09:15:00Z"), cron.Next(At("2026-11-23T09:00:00Z")));
        Assert.Equal(At("2026-11-24T09:00:00Z"), cron.Next(At("2026-11-23T17:45:00Z")));
    }

    [Fact]
    public void Day_of_week_0_and_7_are_both_sunday_as_in_unix_cron()
    {
        var zero = CronSchedule.Parse("0 12 * * 0", false, null, Utc);
        var seven = CronSchedule.Parse("0 12 * * 7", false, null, Utc);
        Assert.Equal(At("2026-11-29T12:00:00Z"), zero.Next(At("2026-11-23T00:00:00Z")));
        Assert.Equal(zero.Next(At("2026-11-23T00:00:00Z")), seven.Next(At("2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void With_seconds_the_first_field_is_the_second()
    {
        var cron = CronSchedule.Parse("*/2 * * * * *", true, null, Utc);
        Assert.Equal(At("2026-11-23T10:00:02Z"), cron.Next(At("2026-11-23T10:00:00Z")));
        Assert.Equal(At("2026-11-23T10:00:00Z"), cron.Previous(At("2026-11-23T10:00:02Z")));
    }

    [Theory]
    [InlineData("@hourly", "2026-11-23T11:00:00Z")]
    [InlineData("@daily", "2026-11-24T00:00:00Z")]
    [InlineData("@midnight", "2026-11-24T00:00:00Z")]
    [InlineData("@weekly", "2026-11-29T00:00:00Z")]
    [InlineData("@monthly", "2026-12-01T00:00:00Z")]
    [InlineData("@yearly", "2027-01-01T00:00:00Z")]
    public void Macros_fire_as_kestra_documents(string macro, string expected)
    {
        Assert.Equal(At(expected), CronSchedule.Parse(macro, false, null, Utc).Next(At("2026-11-23T10:30:00Z")));
    }

    [Fact]
    public void A_time_zone_moves_the_slot_to_local_time()
    {
        var cron = CronSchedule.Parse("0 9 * * *", false, "America/New_York", Utc);
        Assert.Equal(At("2026-11-23T14:00:00Z"), cron.Next(At("2026-11-23T00:00:00Z")));
    }

    [Fact]
    public void Spring_forward_a_daily_slot_in_the_skipped_hour_fires_at_the_first_instant_after_it()
    {
        // Europe/Paris skips 02:00-03:00 on 2026-03-29: 02:30 does not exist that day.
        var cron = CronSchedule.Parse("30 2 * * *", false, "Europe/Paris", Utc);
        var slot = cron.Next(At("2026-03-28T12:00:00Z"))!.Value;
        Assert.Equal(At("2026-03-29T03:00:00+02:00"), slot);
        Assert.Equal(At("2026-03-30T02:30:00+02:00"), cron.Next(slot));
    }

    [Fact]
    public void Spring_forward_an_hourly_schedule_keeps_its_interval()
    {
        var cron = CronSchedule.Parse("0 * * * *", false, "Europe/Paris", Utc);
        var first = cron.Next(At("2026-03-29T00:30:00+01:00"))!.Value;
        var second = cron.Next(first)!.Value;
        Assert.Equal(At("2026-03-29T00:00:00Z"), first);
        Assert.Equal(TimeSpan.FromHours(1), second - first);
    }

    [Fact]
    public void Fall_back_a_daily_slot_in_the_repeated_hour_fires_once()
    {
        // Europe/Paris repeats 02:00-03:00 on 2026-10-25 (first at +02:00, then at +01:00).
        var cron = CronSchedule.Parse("30 2 * * *", false, "Europe/Paris", Utc);
        var slot = cron.Next(At("2026-10-24T12:00:00Z"))!.Value;
        Assert.Equal(At("2026-10-25T02:30:00+02:00"), slot);
        Assert.Equal(At("2026-10-26T02:30:00+01:00"), cron.Next(slot));
    }

    [Fact]
    public void Fall_back_an_hourly_schedule_fires_in_both_repeated_hours()
    {
        var cron = CronSchedule.Parse("0 * * * *", false, "Europe/Paris", Utc);
        var slots = new List<DateTimeOffset>();
        var from = At("2026-10-25T01:30:00+02:00");
        for (var i = 0; i < 3; i++)
        {
            from = cron.Next(from)!.Value;
            slots.Add(from);
        }

        Assert.Equal([At("2026-10-25T02:00:00+02:00"), At("2026-10-25T02:00:00+01:00"), At("2026-10-25T03:00:00+01:00")], slots);
    }

    [Fact]
    public void Trigger_dates_carry_the_schedule_offset_and_name_previous_and_next()
    {
        var cron = CronSchedule.Parse("0 9 * * *", false, "Europe/Paris", Utc);
        var variables = TriggerDates.ScheduleVariables(cron, At("2026-11-23T08:00:00Z"));
        Assert.Equal("2026-11-23T09:00:00+01:00", variables["date"]);
        Assert.Equal("2026-11-24T09:00:00+01:00", variables["next"]);
        Assert.Equal("2026-11-22T09:00:00+01:00", variables["previous"]);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_by_name()
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse("* * * * *", false, "Mars/Olympus", Utc));
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
