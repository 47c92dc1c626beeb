using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

/// <summary>Kill -9 a worker while executions sleep on it: RabbitMQ hands its unacked jobs to the other worker, and every execution ends.</summary>
[Collection(SuiteCollection.Name)]
public sealed class WorkerFailureTests(RunningSuite suite)
{
    private const int Executions = 20;

    [Fact]
    public async Task Every_execution_ends_SUCCESS_when_a_worker_is_killed_while_20_executions_sleep()
    {
        using var api = await SuiteApi.ConnectAsync(suite);
        await api.SaveFlowAsync("""
            id: sleepers
            namespace: kite.faults
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT3S
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: woke up
            """);

        var ids = new List<string>();
        for (var i = 0; i < Executions; i++)
        {
            ids.Add(await api.TryStartAsync("kite.faults", "sleepers") ?? throw new InvalidOperationException("the Api refused an execution"));
        }

        await SuiteApi.UntilAsync(async () => (await api.StatesAsync(ids)).Count(s => s == "RUNNING") == Executions, "every execution runs");
        var victim = (await suite.ResourcesAsync()).Single(r => r.Id == "worker-0");
        System.Diagnostics.Process.GetProcessById(victim.Pid!.Value).Kill();

        var states = await SuiteApi.UntilAsync(async () => await api.StatesAsync(ids) is var s && s.All(SuiteApi.IsTerminal) ? s : null,
            "every execution ends", TimeSpan.FromMinutes(2));
        Assert.All(states, s => Assert.Equal("SUCCESS", s));
    }
}
