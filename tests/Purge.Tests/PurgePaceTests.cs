using Kite.Purge.Pacing;

namespace Kite.Purge.Tests;

/// <summary>The pacing decision alone, batch by batch, with the engine's activity given: no database, no clock.</summary>
public sealed class PurgePaceTests
{
    private static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(10);
    private static readonly PacingOptions Options = new();

    [Fact]
    public void A_purge_starts_at_its_floor_and_climbs_to_its_ceiling_while_the_engine_stays_idle()
    {
        var pace = new PurgePace(new PacingProfile { Floor = 0.1, Ceiling = 1 }, Options);
        Assert.Equal(0.1, pace.Duty);

        var rests = Enumerable.Range(0, 30).Select(_ => pace.After(Batch, engineBusy: false)).ToList();

        Assert.Equal(1, pace.Duty, 9);
        Assert.Equal(TimeSpan.Zero, rests[^1]);
        Assert.True(rests.Zip(rests.Skip(1)).All(r => r.Second <= r.First), "each quiet batch rests no longer than the one before");
    }

    [Fact]
    public void A_busy_engine_halves_the_duty_down_to_the_floor_and_the_rest_is_the_batch_scaled_to_it()
    {
        var pace = new PurgePace(new PacingProfile { Floor = 0.1, Ceiling = 1 }, Options);
        for (var i = 0; i < 30; i++)
        {
            pace.After(Batch, engineBusy: false);
        }

        List<double> duties = [];
        for (var i = 0; i < 6; i++)
        {
            pace.After(Batch, engineBusy: true);
            duties.Add(pace.Duty);
        }

        Assert.Equal([0.5, 0.25, 0.125, 0.1, 0.1, 0.1], duties.Select(d => Math.Round(d, 9)));
        // At a duty of 0.1 a 10 ms batch is followed by 90 ms of rest: the purge holds a tenth of the time.
        Assert.Equal(TimeSpan.FromMilliseconds(90), Round(pace.After(Batch, engineBusy: true)));
    }

    [Fact]
    public void A_batch_twice_as_slow_as_the_recent_fastest_backs_off_although_no_execution_ran()
    {
        var pace = new PurgePace(new PacingProfile { Floor = 0.1, Ceiling = 1 }, Options);
        for (var i = 0; i < 30; i++)
        {
            pace.After(Batch, engineBusy: false);
        }

        pace.After(Batch * 3, engineBusy: false);

        Assert.True(pace.Slowed);
        Assert.Equal(0.5, pace.Duty, 9);
        pace.After(Batch, engineBusy: false);
        Assert.False(pace.Slowed);
        Assert.Equal(0.55, pace.Duty, 9);
    }

    [Fact]
    public void A_lasting_slowdown_becomes_the_new_normal_instead_of_holding_the_purge_at_its_floor()
    {
        var pace = new PurgePace(new PacingProfile { Floor = 0.1, Ceiling = 1 }, Options);
        pace.After(Batch, engineBusy: false);

        var slowed = Enumerable.Range(0, 200).Select(_ => { pace.After(Batch * 3, engineBusy: false); return pace.Slowed; }).ToList();

        Assert.True(slowed[0]);
        Assert.False(slowed[^1]);
        Assert.Equal(1, pace.Duty, 9);
    }

    [Fact]
    public void The_rest_never_exceeds_MaxPause_so_even_a_floor_of_zero_runs_a_batch_each_MaxPause()
    {
        var options = new PacingOptions { MaxPause = TimeSpan.FromSeconds(1) };
        var pace = new PurgePace(new PacingProfile { Floor = 0, Ceiling = 1 }, options);

        var rests = Enumerable.Range(0, 50).Select(_ => pace.After(TimeSpan.FromMilliseconds(200), engineBusy: true)).ToList();

        Assert.Equal(0, pace.Duty);
        Assert.All(rests, r => Assert.True(r <= TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), rests[^1]);
    }

    [Fact]
    public void Retention_is_more_polite_than_a_requested_purge_busy_or_idle()
    {
        var requested = new PurgePace(Options.Requested, Options);
        var retention = new PurgePace(Options.Retention, Options);
        var both = new[] { requested, retention };

        var idle = both.Select(p => Enumerable.Range(0, 50).Select(_ => p.After(Batch, engineBusy: false)).Last()).ToList();
        var busy = both.Select(p => Enumerable.Range(0, 50).Select(_ => p.After(Batch, engineBusy: true)).Last()).ToList();

        Assert.True(idle[1] > idle[0], "idle: retention rests longer");
        Assert.True(busy[1] > busy[0], "busy: retention rests longer");
        Assert.Equal((Options.Requested.Floor, Options.Retention.Floor), (requested.Duty, retention.Duty));
        Assert.True(Options.Retention.Floor > 0, "retention always progresses");
    }

    private static TimeSpan Round(TimeSpan span) => TimeSpan.FromMilliseconds(Math.Round(span.TotalMilliseconds, 3));
}
