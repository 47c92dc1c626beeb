using Kite.AppHost.Model;

namespace Kite.AppHost;

public static class KiteServiceExtensions
{
    /// <summary>
    /// A Kite service: connected to the database and the bus, started once both are healthy and the schema is
    /// migrated, and watched through its <c>/health</c> endpoint.
    /// </summary>
    public static ResourceBuilder<ProjectResource> AddService(
        this AppHostBuilder builder,
        string name,
        string projectName,
        ResourceBuilder<PostgresResource> postgres,
        ResourceBuilder<RabbitMqResource> rabbitmq,
        ResourceBuilder<ProjectResource> migrations) =>
        builder.AddProject(name, projectName)
            .WithReference(postgres).WaitFor(postgres)
            .WithReference(rabbitmq).WaitFor(rabbitmq)
            .WaitForCompletion(migrations)
            .WithHttpHealthCheck("/health");
}
