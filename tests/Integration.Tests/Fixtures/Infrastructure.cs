using Kite.Hosting.Postgres;
using Kite.Hosting.RabbitMq;
using Npgsql;

namespace Kite.Integration.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL and RabbitMQ for the whole test assembly, started by the same provisioning code as the
/// AppHost. Each test takes a fresh database of its own, so tests never see each other's rows.
/// </summary>
public sealed class Infrastructure : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("kite-it-").FullName;
    private PostgresServer? postgres;
    private RabbitMqServer? rabbitmq;

    public string RabbitMqConnectionString => rabbitmq!.ConnectionString;
    public string PostgresConnectionString => postgres!.ConnectionString;
    public string RootDirectory => root;

    public async Task InitializeAsync()
    {
        postgres = new PostgresServer(new PostgresServerOptions { RootDirectory = Path.Combine(root, "postgres"), Ephemeral = true });
        rabbitmq = new RabbitMqServer(new RabbitMqServerOptions { RootDirectory = Path.Combine(root, "rabbitmq") });
        await Task.WhenAll(postgres.StartAsync(CancellationToken.None), rabbitmq.StartAsync(CancellationToken.None));
    }

    /// <summary>A new, empty database on the shared server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            rabbitmq?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask);
        Directory.Delete(root, recursive: true);
    }
}
