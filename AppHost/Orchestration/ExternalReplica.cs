using Kite.AppHost.Model;
using Kite.Hosting.RabbitMq;

namespace Kite.AppHost.Orchestration;

/// <summary>
/// A server the user runs (its connection string was given): nothing to launch, only health to watch. Its
/// "process" is a sentinel that never exits until the AppHost stops watching.
/// </summary>
public sealed class ExternalReplica(ConnectionResource connection, Kite.Hosting.Processes.ProcessRegistry registry) : ReplicaRunner(connection, 0, registry)
{
    private TaskCompletionSource<int>? watching;

    public override IReadOnlyList<string> Urls => [connection is RabbitMqResource ? "amqp (external)" : "postgres (external)"];

    protected override Task<Launched> LaunchAsync(CancellationToken cancellationToken)
    {
        connection.ConnectionString = connection.ExternalConnectionString;
        watching = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        return Task.FromResult(new Launched(null, DateTimeOffset.UtcNow, watching.Task));
    }

    protected override Task ShutdownAsync(TimeSpan grace)
    {
        watching?.TrySetResult(0);
        return Task.CompletedTask;
    }

    protected override async Task<(HealthStatus, string?)> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (connection is PostgresResource)
        {
            return await PostgresProbe.CheckAsync(connection.ConnectionString!, cancellationToken);
        }

        var uri = new Uri(connection.ConnectionString!);
        return await AmqpProbe.AnswersAsync(uri.Host, uri.IsDefaultPort ? 5672 : uri.Port, cancellationToken)
            ? (HealthStatus.Healthy, null)
            : (HealthStatus.Unhealthy, $"no AMQP handshake at {uri.Host}:{uri.Port}");
    }
}
