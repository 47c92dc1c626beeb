using System.Diagnostics;
using Kite.EndToEnd.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.EndToEnd.Tests;

/// <summary>
/// Kill -9 a worker while 50 executions run shell scripts and sleeps on both workers: RabbitMQ hands the victim's
/// unacked jobs to a live worker, every execution ends, and only the task runs that were on the victim run twice.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class WorkerFailureTests(RunningSuite suite, ITestOutputHelper output)
{
    private const int Executions = 50;

    [Fact]
    public async Task Every_execution_ends_SUCCESS_and_only_task_runs_on_the_killed_worker_run_twice_when_a_worker_is_killed_under_50_executions()
    {
        using var ledger = new RunLedger();
        using var api = await SuiteApi.ConnectAsync(suite);
        await api.SaveFlowAsync($$"""
            id: recorded-sleepers
            namespace: kite.faults
            tasks:
              - id: record
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - '{{ledger.RecordCommand}}'
                  - sleep 3
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT2S
              - id: again
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - '{{ledger.RecordCommand}}'
            """);
        var workers = (await suite.ResourcesAsync()).Where(r => r.Id.StartsWith("worker-", StringComparison.Ordinal)).ToList();
        var victim = workers.Single(r => r.Id == "worker-0").Pid!.Value;
        var healthy = workers.Where(r => r.Id != "worker-0").Select(r => r.Pid!.Value).ToHashSet();

        var ids = new List<string>();
        for (var i = 0; i < Executions; i++)
        {
            ids.Add(await api.TryStartAsync("kite.faults", "recorded-sleepers") ?? throw new InvalidOperationException("the Api refused an execution"));
        }

        // Kill once both workers run scripts, so the victim dies with scripts and sleeps in flight.
        await SuiteApi.UntilAsync(() => Task.FromResult(ledger.Runs() is var runs && runs.Count(r => r.WorkerPid == victim) >= 8 && runs.Any(r => healthy.Contains(r.WorkerPid))),
            "both workers run scripts");
        Process.GetProcessById(victim).Kill();

        var states = await SuiteApi.UntilAsync(async () => await api.StatesAsync(ids) is var s && s.All(SuiteApi.IsTerminal) ? s : null,
            "every execution ends", TimeSpan.FromMinutes(3));
        // The live workers are the other replicas and the victim's restarted process. A script the victim spawned just
        // before it died may read its parent after the death (then init or the AppHost), so any other pid is the victim's.
        healthy.UnionWith((await suite.ResourcesAsync()).Where(r => r.Id == "worker-0" && r.Pid is not null).Select(r => r.Pid!.Value));
        var runs = ledger.Runs();
        var byTaskRun = runs.GroupBy(r => r.TaskRunId).ToList();
        var twice = byTaskRun.Where(g => g.Count() > 1).ToList();
        var onVictim = runs.Count(r => !healthy.Contains(r.WorkerPid));
        output.WriteLine($"{Executions} executions, {runs.Count} script runs of {byTaskRun.Count} task runs; {onVictim} had started on the killed worker, " +
            $"{twice.Count} task runs ran twice, {states.Count(s => s != "SUCCESS")} executions did not end SUCCESS");

        Assert.All(states, s => Assert.Equal("SUCCESS", s));
        Assert.Equal(Executions * 2, byTaskRun.Count);
        Assert.True(twice.Count <= onVictim, $"{twice.Count} task runs ran twice, more than the {onVictim} started on the killed worker");
        // A task run runs at most once on the killed worker and at most once on a live one.
        Assert.All(byTaskRun, g => Assert.True(
            g.Count(r => healthy.Contains(r.WorkerPid)) <= 1 && g.Count(r => !healthy.Contains(r.WorkerPid)) <= 1,
            $"task run {g.Key} ran on {string.Join(", ", g.Select(r => r.WorkerPid))} (killed worker {victim}, live workers {string.Join(", ", healthy)})"));
    }
}
