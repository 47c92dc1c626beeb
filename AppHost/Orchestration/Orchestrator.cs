using System.Diagnostics;
using Kite.AppHost.Model;
using Kite.Hosting.Processes;

namespace Kite.AppHost.Orchestration;

/// <summary>
/// Starts every resource once what it waits for is healthy (or finished), probes health every second,
/// and on shutdown stops resources in reverse dependency order: services, then the migration step, then the servers.
/// </summary>
public sealed class Orchestrator(
    IReadOnlyList<ReplicaRunner> replicas,
    ProcessRegistry registry,
    AppHostSettings settings,
    ILogger<Orchestrator> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    public IReadOnlyList<ReplicaRunner> Replicas => replicas;

    public ReplicaRunner? Find(string id) => replicas.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leftovers = await registry.StopOrphansAsync(TimeSpan.FromSeconds(15));
        foreach (var command in leftovers)
        {
            logger.LogWarning("Stopped a process a previous AppHost left running: {Command}", command);
        }

        foreach (var replica in replicas)
        {
            replica.Changed += r => logger.LogInformation("{Resource} is {State}{Health}", r.Id, r.State, r.State == ResourceState.Running ? $" ({r.Health})" : string.Empty);
        }

        var clock = Stopwatch.StartNew();
        foreach (var resource in replicas.Select(r => r.Resource).Distinct())
        {
            _ = StartWhenReadyAsync(resource, stoppingToken);
        }

        var announced = false;
        using var timer = new PeriodicTimer(ProbeInterval);
        do
        {
            await Task.WhenAll(replicas.Select(r => r.ProbeAsync(stoppingToken)));
            if (!announced && replicas.All(IsUp))
            {
                announced = true;
                logger.LogInformation("All {Count} resources are up after {Seconds:0.0} s. Dashboard: http://localhost:{DashboardPort}  API: http://localhost:{ApiPort}",
                    replicas.Count, clock.Elapsed.TotalSeconds, settings.DashboardPort, settings.ApiPort);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var running = replicas.Select(r => r.Resource).Distinct().ToList();
        while (running.Count > 0)
        {
            // Stop first what nothing still running waits for.
            var leaves = running.Where(r => !running.Any(other => other.WaitsFor.Contains(r) || other.WaitsForCompletion.Contains(r))).ToList();
            if (leaves.Count == 0)
            {
                leaves = running;
            }

            logger.LogInformation("Stopping {Resources}", string.Join(", ", leaves.Select(l => l.Name)));
            await Task.WhenAll(replicas.Where(r => leaves.Contains(r.Resource)).Select(r => r.StopAsync(settings.ServiceStopGrace)));
            running.RemoveAll(leaves.Contains);
        }

        logger.LogInformation("Every resource is stopped");
    }

    private static bool IsUp(ReplicaRunner replica) =>
        replica.State == ResourceState.Finished || (replica.State == ResourceState.Running && replica.Health == HealthStatus.Healthy);

    private async Task StartWhenReadyAsync(Resource resource, CancellationToken stoppingToken)
    {
        var own = replicas.Where(r => r.Resource == resource).ToList();
        own.ForEach(r => r.MarkWaiting());
        try
        {
            while (!resource.WaitsFor.All(d => Of(d).All(IsHealthy)) || !resource.WaitsForCompletion.All(d => Of(d).All(r => r.State == ResourceState.Finished)))
            {
                await Task.Delay(200, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        own.ForEach(r => r.Start());
    }

    private static bool IsHealthy(ReplicaRunner replica) => replica.State == ResourceState.Running && replica.Health == HealthStatus.Healthy;

    private IEnumerable<ReplicaRunner> Of(Resource resource) => replicas.Where(r => r.Resource == resource);
}
