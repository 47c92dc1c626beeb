using System.Collections.Concurrent;
using System.Diagnostics;
using Kite.EndToEnd.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.EndToEnd.Tests;

/// <summary>
/// Kill -9 the executor while executions are mid-flight and new ones keep arriving: the AppHost restarts it, RabbitMQ
/// redelivers what it had not acknowledged, its outbox and sweepers finish what it had committed, and every execution
/// ends SUCCESS.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ExecutorFailureTests(RunningSuite suite, ITestOutputHelper output)
{
    private const string Flow = """
        id: mid-flight
        namespace: kite.faults
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT2S
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b, c]
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
          - id: shell
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo done
        """;

    [Fact]
    public async Task Every_execution_ends_SUCCESS_when_the_executor_is_killed_with_50_running_and_more_arriving()
    {
        using var api = await SuiteApi.ConnectAsync(suite);
        await api.SaveFlowAsync(Flow);
        var ids = new ConcurrentQueue<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Enqueue(await api.TryStartAsync("kite.faults", "mid-flight") ?? throw new InvalidOperationException("the Api refused an execution"));
        }

        await SuiteApi.UntilAsync(async () => (await api.StatesAsync(ids)).Count(s => s == "RUNNING") >= 40, "most executions run");
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await api.TryStartAsync("kite.faults", "mid-flight") is { } id)
                {
                    ids.Enqueue(id);
                }

                await Task.Delay(100);
            }
        });

        var executor = (await suite.ResourcesAsync()).Single(r => r.Id == "executor");
        var killed = Stopwatch.StartNew();
        Process.GetProcessById(executor.Pid!.Value).Kill();
        await suite.WaitUntilAsync(rows => rows.Single(r => r.Id == "executor") is { IsUp: true, Pid: { } pid } && pid != executor.Pid, "the executor is back");
        var back = killed.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await load;

        var all = ids.ToList();
        var states = await SuiteApi.UntilAsync(async () => await api.StatesAsync(all) is var s && s.All(SuiteApi.IsTerminal) ? s : null,
            "every execution ends", TimeSpan.FromMinutes(3));
        output.WriteLine($"{all.Count} executions; the executor was back {back.TotalSeconds:F1} s after the kill; all ended {killed.Elapsed.TotalSeconds:F1} s after it");
        Assert.All(states, s => Assert.Equal("SUCCESS", s));
    }
}
