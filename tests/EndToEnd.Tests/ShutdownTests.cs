using Kite.EndToEnd.Tests.Fixtures;
using Kite.Hosting.Processes;

namespace Kite.EndToEnd.Tests;

/// <summary>Its own suite, because this test ends it.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private readonly RunningSuite suite = new();

    public Task InitializeAsync() => suite.InitializeAsync();

    public Task DisposeAsync() => suite.DisposeAsync();

    [Fact]
    public async Task Sigterm_to_the_apphost_stops_every_process_it_started_and_it_exits_cleanly()
    {
        var started = ProcessTree.Descendants(suite.AppHost.Id);
        Assert.Contains(started, p => p.Command == "postgres");
        Assert.Contains(started, p => p.Command == "beam.smp");
        Assert.Contains(started, p => p.Command == "epmd");
        Assert.Contains(started, p => p.Command.StartsWith("Kite.Worker", StringComparison.Ordinal));

        await suite.AppHost.StopAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, await suite.AppHost.Exited);
        Assert.Empty(started.Where(p => ProcessTree.IsAlive(p.Pid, p.StartTime)).Select(p => $"{p.Pid} {p.Command}"));
    }
}
