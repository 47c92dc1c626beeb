using System.Globalization;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>The in-cluster PostgreSQL and RabbitMQ of the <c>dev</c> overlay, for the servers the model declares.</summary>
public static class DevServers
{
    public static DevServer For(ConnectionResource server) => server switch
    {
        PostgresResource postgres => new DevServer(
            postgres.Name,
            KubeLabels.Components.Database,
            "docker.io/library/postgres:17.6",
            5432,
            "/var/lib/postgresql/data",
            "POSTGRES_PASSWORD",
            new Dictionary<string, string>
            {
                ["POSTGRES_USER"] = DevServer.User,
                ["POSTGRES_DB"] = postgres.Database,
                // A sub-folder, because a fresh volume's root holds lost+found and initdb wants an empty folder.
                ["PGDATA"] = "/var/lib/postgresql/data/pgdata",
            },
            ["pg_isready", "-U", DevServer.User, "-d", postgres.Database],
            ["pg_isready", "-U", DevServer.User, "-d", postgres.Database],
            string.Create(CultureInfo.InvariantCulture, $"Host={postgres.Name};Port=5432;Username={DevServer.User};Password={DevServer.DevPassword};Database={postgres.Database}")),
        RabbitMqResource rabbitmq => new DevServer(
            rabbitmq.Name,
            KubeLabels.Components.MessageBroker,
            "docker.io/library/rabbitmq:4.2",
            5672,
            "/var/lib/rabbitmq",
            "RABBITMQ_DEFAULT_PASS",
            new Dictionary<string, string> { ["RABBITMQ_DEFAULT_USER"] = DevServer.User },
            ["rabbitmq-diagnostics", "-q", "check_port_connectivity"],
            ["rabbitmq-diagnostics", "-q", "ping"],
            $"amqp://{DevServer.User}:{DevServer.DevPassword}@{rabbitmq.Name}:5672"),
        _ => throw new NotSupportedException($"{server.Name}: no in-cluster server for kind '{server.Kind}'"),
    };
}
