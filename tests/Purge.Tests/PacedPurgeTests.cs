using Kite.Data.Purges;
using Kite.Purge.Pacing;
using Kite.Purge.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kite.Purge.Tests;

/// <summary>
/// Purges paced by Purge.Service's pacer on a database of their own: a purge that sees the engine busy all along
/// still ends with exact counts, and the engine's activity is read from the executions the engine writes.
/// </summary>
[Collection(PurgeCollection.Name)]
public sealed class PacedPurgeTests(PurgeFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private static readonly DateTimeOffset Old = Now.AddDays(-60);

    [Fact]
    public async Task A_purge_that_sees_the_engine_busy_after_every_batch_still_finishes_with_exact_counts()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        var seeded = Enumerable.Range(0, 45).Select(i => new SeededExecution($"paced-{i:D2}", "paced", "f", "SUCCESS", Old, Old.AddMinutes(1))).ToList();
        await Seed.ExecutionsAsync(db.ConnectionString, seeded);
        foreach (var e in seeded)
        {
            await db.Files.WriteAsync(e, 1);
        }

        var engine = new BusyEngine();
        var pacers = new PurgePacers(engine, Microsoft.Extensions.Options.Options.Create(new PacingOptions()), TimeProvider.System, NullLogger<PurgePacer>.Instance);

        var run = await db.Executions.RunAsync("paced", new ExecutionPurgeRequest { Namespace = "paced", EndDate = Now.AddDays(-30), BatchSize = 10 },
            pacers.For("paced", PurgePriority.Retention), CancellationToken.None);

        Assert.Equal((PurgeRuns.Success, 45L, 90L, 90L, 45L, 5), (run.State, run.ExecutionsCount, run.LogsCount, run.MetricsCount, run.StoragesCount, run.Batches));
        Assert.Equal(5, engine.Asked);
        Assert.Empty(await db.ExecutionIdsAsync());
        Assert.Equal(0, await db.OrphansAsync());
    }

    [Fact]
    public async Task A_log_purge_paced_against_a_busy_engine_deletes_every_matching_line()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        await Seed.LogsAsync(db.ConnectionString, [.. Enumerable.Range(0, 95).Select(_ => new SeededLog("paced", "f", null, "INFO", Old))]);
        var engine = new BusyEngine();
        var pacers = new PurgePacers(engine, Microsoft.Extensions.Options.Options.Create(new PacingOptions()), TimeProvider.System, NullLogger<PurgePacer>.Instance);

        var run = await db.Logs.RunAsync("paced-logs", new LogPurgeRequest { Namespace = "paced", EndDate = Now.AddDays(-30), BatchSize = 10 },
            pacers.For("paced-logs", PurgePriority.Retention), CancellationToken.None);

        Assert.Equal((PurgeRuns.Success, 95L, 10), (run.State, run.LogsCount, run.Batches));
        Assert.Equal(9, engine.Asked);
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM logs"));
    }

    [Fact]
    public async Task The_engine_is_busy_while_executions_start_or_end_within_the_window_and_idle_when_only_old_ones_exist()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        var clock = new SteppedClock();
        var options = Microsoft.Extensions.Options.Options.Create(new PacingOptions { BusyWindow = TimeSpan.FromMinutes(1), SampleInterval = TimeSpan.FromSeconds(1) });
        var activity = new EngineActivity(db.DataSource, options, clock);
        await Seed.ExecutionsAsync(db.ConnectionString, [new SeededExecution("old", "a", "f", "SUCCESS", Old, Old.AddMinutes(1))]);

        Assert.False(await activity.IsBusyAsync(CancellationToken.None));

        // Within the sampling interval the last answer stands; after it the new execution is seen.
        await Seed.ExecutionsAsync(db.ConnectionString, [new SeededExecution("running", "a", "f", "RUNNING", DateTimeOffset.UtcNow, null)]);
        Assert.False(await activity.IsBusyAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await activity.IsBusyAsync(CancellationToken.None));

        // An execution that started long ago and just ended counts too; a soft-deleted one does not.
        await ExecuteAsync(db, "DELETE FROM executions WHERE id = 'running'");
        await Seed.ExecutionsAsync(db.ConnectionString, [new SeededExecution("long", "a", "f", "SUCCESS", Old, DateTimeOffset.UtcNow)]);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await activity.IsBusyAsync(CancellationToken.None));

        await ExecuteAsync(db, "UPDATE executions SET deleted = true WHERE id = 'long'");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await activity.IsBusyAsync(CancellationToken.None));
    }

    /// <summary>An engine that is always busy, counting how often the pacer asked.</summary>
    private sealed class BusyEngine : IEngineActivity
    {
        public int Asked { get; private set; }

        public ValueTask<bool> IsBusyAsync(CancellationToken cancellationToken)
        {
            Asked++;
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>A clock that moves only when told (its timestamps only; nothing here waits on it).</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    private static async Task ExecuteAsync(PurgeDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
