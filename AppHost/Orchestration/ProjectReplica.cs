using Kite.AppHost.Model;
using Kite.Hosting.Processes;

namespace Kite.AppHost.Orchestration;

/// <summary>A replica of a .NET project, run from its built entry point on a port of its own.</summary>
public sealed class ProjectReplica(ProjectResource project, int index, ProcessRegistry registry, string environmentName, string? otlpEndpoint, HttpClient http)
    : ReplicaRunner(project, index, registry)
{
    private ChildProcess? child;

    public int Port { get; } = FreePort.Next();

    public override IReadOnlyList<string> Urls => project.RunsToCompletion ? [] : [$"http://localhost:{Port}"];

    protected override Task<Launched> LaunchAsync(CancellationToken cancellationToken)
    {
        var environment = ServiceEnvironment.For(project, Index, Port, environmentName, otlpEndpoint);
        var native = Path.ChangeExtension(project.EntryPoint, null);
        var spec = File.Exists(native)
            ? new ChildProcessSpec(native, [])
            : new ChildProcessSpec(Executables.Find("dotnet") ?? "dotnet", [project.EntryPoint]);
        child = Track(ChildProcess.Start(spec with { Environment = environment, WorkingDirectory = Path.GetDirectoryName(project.EntryPoint) }, Log.Write));
        return Task.FromResult(Launched.From(child));
    }

    protected override async Task ShutdownAsync(TimeSpan grace)
    {
        if (child is not null)
        {
            await child.StopAsync(grace);
        }
    }

    protected override async Task<(HealthStatus, string?)> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (project.HealthPath is null)
        {
            return (HealthStatus.Healthy, null);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await http.GetAsync(new Uri($"http://localhost:{Port}{project.HealthPath}"), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.IsSuccessStatusCode ? HealthStatus.Healthy : HealthStatus.Unhealthy, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (HealthStatus.Unhealthy, ex.Message);
        }
    }
}
