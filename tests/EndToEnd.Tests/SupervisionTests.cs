using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class SupervisionTests(RunningSuite suite)
{
    [Fact]
    public async Task A_replica_killed_by_sigkill_is_restarted_and_becomes_healthy_again()
    {
        var victim = (await suite.ResourcesAsync()).Single(r => r.Id == "worker-0");

        Kill(victim.Pid!.Value);

        var rows = await suite.WaitUntilAsync(
            rows => rows.Single(r => r.Id == "worker-0") is { Restarts: > 0, IsUp: true } again && again.Pid != victim.Pid,
            "worker-0 is restarted and healthy");
        Assert.Equal(victim.Restarts + 1, rows.Single(r => r.Id == "worker-0").Restarts);
    }

    [Fact]
    public async Task The_dashboard_stop_and_start_commands_take_a_replica_down_and_back_up()
    {
        var before = (await suite.ResourcesAsync()).Single(r => r.Id == "worker-1");
        var startTime = ProcessTree.StartTime(before.Pid!.Value)!.Value;

        (await suite.Dashboard.PostAsync("/api/resources/worker-1/stop", null)).EnsureSuccessStatusCode();
        var stopped = (await suite.ResourcesAsync()).Single(r => r.Id == "worker-1");
        (await suite.Dashboard.PostAsync("/api/resources/worker-1/start", null)).EnsureSuccessStatusCode();

        Assert.Equal(("Stopped", (int?)null), (stopped.State, stopped.Pid));
        Assert.False(ProcessTree.IsAlive(before.Pid.Value, startTime));
        await suite.WaitUntilAsync(rows => rows.Single(r => r.Id == "worker-1").IsUp, "worker-1 is up again");
    }

    [Fact]
    public async Task An_unknown_dashboard_command_is_refused_with_a_400_naming_the_valid_ones()
    {
        using var response = await suite.Dashboard.PostAsync("/api/resources/api/explode", null);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("start, stop or restart", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void Kill(int pid) => System.Diagnostics.Process.GetProcessById(pid).Kill();
}
