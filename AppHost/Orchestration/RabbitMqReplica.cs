using Kite.AppHost.Model;
using Kite.Hosting.Processes;
using Kite.Hosting.RabbitMq;

namespace Kite.AppHost.Orchestration;

/// <summary>RabbitMQ as a plain process with its own node, ports, cookie and data folder, plus its private epmd.</summary>
public sealed class RabbitMqReplica(RabbitMqResource rabbitmq, string dataDirectory, ProcessRegistry registry)
    : ReplicaRunner(rabbitmq, 0, registry)
{
    private RabbitMqServer? server;

    public override IReadOnlyList<string> Urls => [$"amqp://127.0.0.1:{rabbitmq.Port}"];

    protected override async Task<Launched> LaunchAsync(CancellationToken cancellationToken)
    {
        server ??= new RabbitMqServer(
            new RabbitMqServerOptions { RootDirectory = Path.Combine(dataDirectory, rabbitmq.Name), Port = rabbitmq.Port },
            Log.Write);
        var process = Track(await server.StartAsync(cancellationToken));
        Track(server.PortMapper!);
        rabbitmq.ConnectionString = server.ConnectionString;
        return Launched.From(process);
    }

    protected override Task ShutdownAsync(TimeSpan grace) => server?.StopAsync() ?? Task.CompletedTask;

    protected override async Task<(HealthStatus, string?)> CheckHealthAsync(CancellationToken cancellationToken) =>
        await AmqpProbe.AnswersAsync("127.0.0.1", rabbitmq.Port, cancellationToken)
            ? (HealthStatus.Healthy, null)
            : (HealthStatus.Unhealthy, $"no AMQP handshake on port {rabbitmq.Port}");
}
