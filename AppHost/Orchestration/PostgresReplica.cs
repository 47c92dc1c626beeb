using Kite.AppHost.Model;
using Kite.Hosting.Postgres;
using Kite.Hosting.Processes;

namespace Kite.AppHost.Orchestration;

/// <summary>PostgreSQL from the installed binaries, in the AppHost's data folder.</summary>
public sealed class PostgresReplica(PostgresResource postgres, string dataDirectory, ProcessRegistry registry)
    : ReplicaRunner(postgres, 0, registry)
{
    private PostgresServer? server;

    public override IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{postgres.Port}"];

    protected override async Task<Launched> LaunchAsync(CancellationToken cancellationToken)
    {
        server ??= new PostgresServer(
            new PostgresServerOptions { RootDirectory = Path.Combine(dataDirectory, postgres.Name), Database = postgres.Database, Port = postgres.Port },
            Log.Write);
        var process = Track(await server.StartAsync(cancellationToken));
        postgres.ConnectionString = server.ConnectionString;
        return Launched.From(process);
    }

    protected override Task ShutdownAsync(TimeSpan grace) => server?.StopAsync() ?? Task.CompletedTask;

    protected override Task<(HealthStatus, string?)> CheckHealthAsync(CancellationToken cancellationToken) =>
        PostgresProbe.CheckAsync(postgres.ConnectionString!, cancellationToken);
}
