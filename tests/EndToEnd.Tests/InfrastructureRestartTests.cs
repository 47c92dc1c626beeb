using System.Collections.Concurrent;
using System.Diagnostics;
using Kite.EndToEnd.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.EndToEnd.Tests;

/// <summary>
/// The broker, then the database, restarted under a steady load of new executions: every service reconnects on its
/// own, the Api accepts executions again, and every execution it accepted ends SUCCESS (none lost, none stuck).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class InfrastructureRestartTests(RunningSuite suite, ITestOutputHelper output)
{
    private const string Flow = """
        id: steady
        namespace: kite.faults
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: started
          - id: values
            type: io.kestra.plugin.core.output.OutputValues
            values:
              answer: 42
          - id: last
            type: io.kestra.plugin.core.log.Log
            message: "{{ outputs.values.values.answer }}"
        """;

    [Fact]
    public async Task Every_accepted_execution_ends_SUCCESS_across_a_RabbitMQ_restart_and_a_PostgreSQL_restart_under_load()
    {
        using var api = await SuiteApi.ConnectAsync(suite);
        await api.SaveFlowAsync(Flow);
        var accepted = new ConcurrentQueue<string>();
        var refused = 0;
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await api.TryStartAsync("kite.faults", "steady") is { } id)
                {
                    accepted.Enqueue(id);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }

                await Task.Delay(100);
            }
        });

        await SuiteApi.UntilAsync(() => Task.FromResult(accepted.Count >= 20), "the Api accepts executions");
        foreach (var server in new[] { "rabbitmq", "postgres" })
        {
            var clock = Stopwatch.StartNew();
            using (var restart = await suite.Dashboard.PostAsync($"/api/resources/{server}/restart", null))
            {
                Assert.True(restart.IsSuccessStatusCode, $"restarting {server} answered {(int)restart.StatusCode}");
            }

            await suite.WaitUntilAsync(rows => rows.All(r => r.IsUp), $"every resource is up again after {server} restarted", TimeSpan.FromMinutes(2));
            var before = accepted.Count;
            await SuiteApi.UntilAsync(() => Task.FromResult(accepted.Count >= before + 20), $"the Api accepts executions again after {server} restarted");
            output.WriteLine($"{server}: restarted, every service healthy and 20 more executions accepted {clock.Elapsed.TotalSeconds:F1} s after the restart command");
        }

        await stop.CancelAsync();
        await load;
        var ids = accepted.ToList();
        var states = await SuiteApi.UntilAsync(async () => await api.StatesAsync(ids) is var s && s.All(SuiteApi.IsTerminal) ? s : null,
            "every accepted execution ends", TimeSpan.FromMinutes(3));
        output.WriteLine($"{ids.Count} executions accepted, {refused} requests refused while a server was down");
        Assert.All(states, s => Assert.Equal("SUCCESS", s));
    }
}
