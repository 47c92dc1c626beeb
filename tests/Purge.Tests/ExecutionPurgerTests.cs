using Kite.Core.Executions;
using Kite.Data.Purges;
using Kite.Purge.Tests.Fixtures;

namespace Kite.Purge.Tests;

/// <summary>PurgeExecutions' batched deletes on a database of their own: what matches, what stays, what is counted.</summary>
[Collection(PurgeCollection.Name)]
public sealed class ExecutionPurgerTests(PurgeFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private static readonly DateTimeOffset Old = Now.AddDays(-60);
    private static readonly DateTimeOffset Recent = Now.AddDays(-1);

    [Fact]
    public async Task Counts_are_exact_and_nothing_outside_the_filter_is_touched()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        var seeded = Matrix();
        await Seed.ExecutionsAsync(db.ConnectionString, seeded);
        foreach (var e in seeded)
        {
            await db.Files.WriteAsync(e, 1);
        }

        List<SeededExecution> left = [.. seeded];
        ExecutionPurgeRequest[] requests =
        [
            new() { Namespace = "company", EndDate = Now.AddDays(-30), States = ["FAILED"], BatchSize = 7 },
            new() { Namespace = "company.team", FlowId = "a", StartDate = Old.AddHours(-1), EndDate = Now.AddDays(-30), BatchSize = 3 },
            new() { EndDate = Now, StartDate = Recent.AddMinutes(-1), States = ["SUCCESS", "WARNING"] },
            new() { EndDate = Now },
        ];

        foreach (var (request, number) in requests.Select((r, i) => (r, i)))
        {
            var matched = left.Where(e => Matches(e, request)).ToList();
            Assert.NotEmpty(matched);
            var run = await db.Executions.RunAsync($"filter-{number}", request, CancellationToken.None);
            left.RemoveAll(matched.Contains);

            Assert.Equal((PurgeRuns.Success, matched.Count, 2L * matched.Count, 2L * matched.Count, matched.Count),
                (run.State, run.ExecutionsCount, run.LogsCount, run.MetricsCount, run.StoragesCount));
            Assert.Equal(left.Select(e => e.Id).Order(), (await db.ExecutionIdsAsync()).Order());
            Assert.Equal(left.Select(e => e.Id).Order(), (await db.Files.WithFilesAsync(seeded)).Order());
            Assert.Equal(0, await db.OrphansAsync());
        }

        // What is left after purging every ended execution is what was never ended, with everything it had.
        Assert.All(left, e => Assert.False(StateExtensions.ParseKestraName(e.State).IsTerminated()));
        Assert.Equal(seeded.Count(e => !StateExtensions.ParseKestraName(e.State).IsTerminated()), left.Count);
        Assert.Equal(2 * left.Count, await db.CountAsync("SELECT count(*) FROM logs"));
        Assert.Equal(2 * left.Count, await db.CountAsync("SELECT count(*) FROM metrics"));
        Assert.Equal(left.Count, await db.CountAsync("SELECT count(*) FROM task_runs"));
    }

    [Fact]
    public async Task Soft_deleted_executions_are_purged_and_kept_parts_stay_when_their_flag_is_false()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        var seeded = Matrix().Where(e => e.Namespace == "companyx").ToList();
        await Seed.ExecutionsAsync(db.ConnectionString, seeded);
        var ended = seeded.Where(e => Matches(e, new() { EndDate = Now })).ToList();

        var logsOnly = await db.Executions.RunAsync("logs-only", new() { EndDate = Now, PurgeExecution = false, PurgeMetric = false, PurgeStorage = false }, CancellationToken.None);
        Assert.Equal((0L, 2L * ended.Count, 0L), (logsOnly.ExecutionsCount, logsOnly.LogsCount, logsOnly.MetricsCount));
        Assert.Equal(seeded.Count, (await db.ExecutionIdsAsync()).Count);

        var rest = await db.Executions.RunAsync("rest", new() { EndDate = Now }, CancellationToken.None);
        Assert.Equal((ended.Count, 0L, 2L * ended.Count), (rest.ExecutionsCount, rest.LogsCount, rest.MetricsCount));
        Assert.Contains(ended, e => e.Deleted);
        Assert.DoesNotContain(await db.ExecutionIdsAsync(), id => ended.Any(e => e.Id == id));
    }

    [Fact]
    public async Task Running_executions_are_never_purged_and_asking_for_their_states_is_refused()
    {
        Assert.Contains("states: RUNNING is not a terminated state; only ended executions are purged",
            new ExecutionPurgeRequest { EndDate = Now, States = ["SUCCESS", "RUNNING"] }.Violations());
        Assert.Contains("states: 'DONE' is not an execution state", new ExecutionPurgeRequest { EndDate = Now, States = ["DONE"] }.Violations());

        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        // A paused execution has an end date, as in Kestra; a running one may carry a stale one after a restart.
        SeededExecution[] live =
        [
            new("running", "live", "f", "RUNNING", Old, Old.AddHours(1)),
            new("paused", "live", "f", "PAUSED", Old, Old.AddHours(1)),
            new("created", "live", "f", "CREATED", Old, null),
            new("restarted", "live", "f", "RESTARTED", Old, Old.AddHours(1)),
        ];
        await Seed.ExecutionsAsync(db.ConnectionString, live);

        var run = await db.Executions.RunAsync("everything", new() { EndDate = Now }, CancellationToken.None);

        Assert.Equal(0, run.ExecutionsCount + run.LogsCount + run.MetricsCount);
        Assert.Equal(live.Select(e => e.Id).Order(), (await db.ExecutionIdsAsync()).Order());
    }

    [Fact]
    public async Task An_interrupted_purge_resumes_with_exact_counts_and_leaves_no_orphan_rows_or_files()
    {
        await using var db = await PurgeDatabase.CreateAsync(fixture.Infrastructure);
        var ended = Enumerable.Range(0, 50).Select(i => new SeededExecution($"e{i:D2}", "resume", "f", "SUCCESS", Old, Old.AddHours(1))).ToList();
        var running = Enumerable.Range(0, 5).Select(i => new SeededExecution($"r{i}", "resume", "f", "RUNNING", Old, null)).ToList();
        await Seed.ExecutionsAsync(db.ConnectionString, [.. ended, .. running]);
        foreach (var e in ended.Concat(running))
        {
            await db.Files.WriteAsync(e, 2);
        }

        var request = new ExecutionPurgeRequest { Namespace = "resume", EndDate = Now, BatchSize = 10 };

        // Stopped in the third batch (files go in shares of 2 executions, 5 calls a batch), after its files went and
        // before its rows did: as a crash there would.
        using var crash = new CancellationTokenSource();
        db.Files.Interrupt = (13, crash);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Executions.RunAsync("resumable", request, crash.Token));
        Assert.Equal(30 + 5, (await db.ExecutionIdsAsync()).Count);
        Assert.Equal(0, await db.OrphansAsync());
        Assert.Subset(await db.ExecutionIdsAsync(), await db.Files.WithFilesAsync([.. ended, .. running]));

        db.Files.Interrupt = null;
        var run = await db.Executions.RunAsync("resumable", request, CancellationToken.None);

        Assert.Equal((PurgeRuns.Success, 50L, 100L, 100L), (run.State, run.ExecutionsCount, run.LogsCount, run.MetricsCount));
        // Files deleted by the interrupted batch were not counted (their batch rolled back), the rest were.
        Assert.InRange(run.StoragesCount, 100 - (2 * 10), 100);
        Assert.Equal(running.Select(e => e.Id).Order(), (await db.ExecutionIdsAsync()).Order());
        Assert.Equal(running.Select(e => e.Id).Order(), (await db.Files.WithFilesAsync([.. ended, .. running])).Order());
        Assert.Equal(0, await db.OrphansAsync());

        var again = await db.Executions.RunAsync("resumable", request, CancellationToken.None);
        Assert.Equal((run.ExecutionsCount, run.Batches), (again.ExecutionsCount, again.Batches));
    }

    /// <summary>Every namespace shape, flow, state, age and deleted flag, each execution with 2 logs, 2 metrics, 1 task run.</summary>
    private static List<SeededExecution> Matrix()
    {
        string[] states = ["SUCCESS", "FAILED", "KILLED", "WARNING", "RUNNING", "PAUSED", "CREATED"];
        return [.. from ns in new[] { "company", "company.team", "companyx" }
                   from flow in new[] { "a", "b" }
                   from state in states
                   from start in new[] { Old, Recent }
                   from deleted in new[] { false, true }
                   let ends = state is "RUNNING" or "CREATED" ? (DateTimeOffset?)null : start.AddHours(1)
                   select new SeededExecution($"{ns}-{flow}-{state}-{start.ToUnixTimeSeconds()}-{deleted}", ns, flow, state, start, ends, deleted)];
    }

    private static bool Matches(SeededExecution e, ExecutionPurgeRequest r) =>
        StateExtensions.ParseKestraName(e.State).IsTerminated()
        && e.End <= r.EndDate
        && (r.StartDate is null || e.Start >= r.StartDate)
        && (r.Namespace is null || e.Namespace == r.Namespace || (r.FlowId is null && e.Namespace.StartsWith(r.Namespace + ".", StringComparison.Ordinal)))
        && (r.FlowId is null || e.FlowId == r.FlowId)
        && (r.States is null || r.States.Contains(e.State));
}
