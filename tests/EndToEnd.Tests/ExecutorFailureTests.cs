using System.Diagnostics;
using Kite.EndToEnd.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.EndToEnd.Tests;

/// <summary>
/// Kill -9 the executor under a steady open-loop rate: the AppHost restarts it, RabbitMQ redelivers what it had not
/// acknowledged, its outbox and sweepers finish what it had committed, and every execution ends SUCCESS. The test
/// measures how long the suite took to recover and prints it; it asserts no timing.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ExecutorFailureTests(RunningSuite suite, ITestOutputHelper output)
{
    private const int PerSecond = 30;

    private const string Flow = """
        id: steady-rate
        namespace: kite.faults
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1S
          - id: done
            type: io.kestra.plugin.core.output.OutputValues
            values:
              ok: true
        """;

    [Fact]
    public async Task Every_execution_ends_SUCCESS_when_the_executor_is_killed_under_30_executions_per_second()
    {
        using var api = await SuiteApi.ConnectAsync(suite);
        await api.SaveFlowAsync(Flow);
        // One execution first, so the load meets a warm suite (flow cached, code paths jitted) rather than queueing behind a cold start.
        var first = await api.TryStartAsync("kite.faults", "steady-rate") ?? throw new InvalidOperationException("the Api refused an execution");
        await SuiteApi.UntilAsync(async () => SuiteApi.IsTerminal((await api.StatesAsync([first]))[0]), "the warm-up execution ends");
        await using var load = OpenLoopLoad.Start(api, "kite.faults", "steady-rate", PerSecond);

        // Kill after three seconds of arrivals, with executions mid-flight.
        await SuiteApi.UntilAsync(() => Task.FromResult(load.Accepted.Count >= 3 * PerSecond), "three seconds of arrivals");
        var executor = (await suite.ResourcesAsync()).Single(r => r.Id == "executor");
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Process.GetProcessById(executor.Pid!.Value).Kill();
        await suite.WaitUntilAsync(rows => rows.Single(r => r.Id == "executor") is { IsUp: true, Pid: { } pid } && pid != executor.Pid, "the executor is back");
        var back = clock.Elapsed;
        // Keep the arrivals going after the restart, so the rate after recovery can be seen.
        var arrivedBack = load.Accepted.Count;
        await SuiteApi.UntilAsync(() => Task.FromResult(load.Accepted.Count >= arrivedBack + 5 * PerSecond), "five more seconds of arrivals");
        await load.StopAsync();

        var accepted = load.Accepted;
        var ends = await SuiteApi.UntilAsync(async () => await api.EndsAsync("kite.faults", "steady-rate") is var e && accepted.All(a => e.TryGetValue(a.Id, out var end) && SuiteApi.IsTerminal(end.State)) ? e : null,
            "every execution ends", TimeSpan.FromMinutes(3));
        var recovery = ExecutorRecovery.Measure(accepted, ends, killedAt, PerSecond);
        output.WriteLine($"{accepted.Count} executions accepted at {PerSecond}/s open loop, {load.Refused} refused; {recovery.InFlight} were in flight at the kill");
        output.WriteLine($"the executor was healthy again {back.TotalSeconds:F1} s after the kill; executions ended at {PerSecond}/s or more again after {Seconds(recovery.BackAtRate)}; " +
            $"the last one in flight at the kill ended after {Seconds(recovery.LastInFlightEnded)}; the last of all after {Seconds(recovery.LastEnded)}");
        Assert.All(accepted, a => Assert.Equal("SUCCESS", ends[a.Id].State));
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? $"{s.TotalSeconds:F1} s" : "never";
}
