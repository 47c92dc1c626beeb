using Kite.Hosting.Processes;
using Kite.Integration.Tests.Fixtures;

namespace Kite.Integration.Tests.Hosting;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task Output_lines_are_captured_in_order_and_the_exit_code_is_reported()
    {
        var lines = new List<string>();
        await using var child = ChildProcess.Start(new ChildProcessSpec("/bin/sh", ["-c", "echo one; echo two >&2; exit 3"]), l =>
        {
            lock (lines)
            {
                lines.Add(l.Text);
            }
        });

        Assert.Equal(3, await child.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["one", "two"], lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stop_kills_a_process_that_ignores_its_stop_signal_once_the_grace_period_is_over()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var child = ChildProcess.Start(
            new ChildProcessSpec("/bin/sh", ["-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"]),
            _ => ready.TrySetResult());
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await child.StopAsync(TimeSpan.FromMilliseconds(300));

        Assert.True(child.HasExited);
    }

    [Fact]
    public async Task A_registry_stops_the_processes_a_killed_apphost_left_running()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "processes.json");
        var orphan = ChildProcess.Start(new ChildProcessSpec("/bin/sleep", ["300"]));
        new ProcessRegistry(file).Track(orphan);

        var stopped = await new ProcessRegistry(file).StopOrphansAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["/bin/sleep 300"], stopped);
        Assert.Equal(143, await orphan.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(await new ProcessRegistry(file).StopOrphansAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_registry_never_signals_a_process_that_merely_reuses_a_recorded_pid()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "processes.json");
        await using var bystander = ChildProcess.Start(new ChildProcessSpec("/bin/sleep", ["300"]));
        await File.WriteAllTextAsync(file, $"[{{\"Pid\":{bystander.Id},\"StartTime\":1,\"StopSignal\":15,\"Command\":\"something else\"}}]");

        var stopped = await new ProcessRegistry(file).StopOrphansAsync(TimeSpan.FromSeconds(1));

        Assert.Empty(stopped);
        Assert.False(bystander.HasExited);
    }
}
