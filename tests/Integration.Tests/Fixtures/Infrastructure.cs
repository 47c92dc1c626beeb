using System.Globalization;
using Kite.Hosting.Postgres;
using Kite.Hosting.Processes;
using Kite.Hosting.RabbitMq;
using Npgsql;

namespace Kite.Integration.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL and RabbitMQ for the whole test assembly, started by the same provisioning code as the
/// AppHost. Each test takes a fresh database of its own, so tests never see each other's rows. A test run that was
/// killed before it could stop its servers leaves them listed in its folder; the next fixture stops them.
/// </summary>
public sealed class Infrastructure : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("kite-it-").FullName;
    private PostgresServer? postgres;
    private RabbitMqServer? rabbitmq;

    public string RabbitMqConnectionString => rabbitmq!.ConnectionString;
    public string PostgresConnectionString => postgres!.ConnectionString;
    public string RootDirectory => root;

    private const string OwnerFile = "owner";

    public async Task InitializeAsync()
    {
        await StopLeftoversOfKilledRunsAsync();
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        postgres = new PostgresServer(new PostgresServerOptions { RootDirectory = Path.Combine(root, "postgres"), Ephemeral = true });
        rabbitmq = new RabbitMqServer(new RabbitMqServerOptions { RootDirectory = Path.Combine(root, "rabbitmq") });
        await Task.WhenAll(postgres.StartAsync(CancellationToken.None), rabbitmq.StartAsync(CancellationToken.None));
        var registry = new ProcessRegistry(Path.Combine(root, "processes.json"));
        foreach (var process in new[] { postgres.Process, rabbitmq.Process, rabbitmq.PortMapper })
        {
            registry.Track(process!);
        }
    }

    /// <summary>Folders of fixtures whose test process is gone: stop what they started, then delete them.</summary>
    private static async Task StopLeftoversOfKilledRunsAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "kite-it-*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            await new ProcessRegistry(Path.Combine(folder, "processes.json")).StopOrphansAsync(TimeSpan.FromSeconds(15));
            Directory.Delete(folder, recursive: true);
        }
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
