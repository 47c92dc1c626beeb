using Kite.Data;
using Kite.Hosting.Postgres;
using Kite.Migrator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Purge.Bench;

/// <summary>
/// A PostgreSQL started by the Hosting project with the product's durable settings (fsync on, as the AppHost runs
/// it), one migrated database, and a way to empty it between runs.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kite-purge-bench-").FullName;
    private PostgresServer? server;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public string StorageRoot => Path.Combine(root, "storage");

    public static async Task<BenchDatabase> StartAsync()
    {
        var database = new BenchDatabase();
        database.server = new PostgresServer(new PostgresServerOptions { RootDirectory = Path.Combine(database.root, "postgres") });
        await database.server.StartAsync(CancellationToken.None);
        database.DataSource = NpgsqlDataSource.Create(database.server.ConnectionString);
        await using var db = KiteDbContextOptions.Create(database.DataSource);
        var configuration = new ConfigurationBuilder().Build();
        if (await new DatabaseMigration(db, configuration, NullLogger<DatabaseMigration>.Instance).RunAsync(CancellationToken.None) != 0)
        {
            throw new InvalidOperationException("the migration step failed");
        }

        return database;
    }

    public async Task EmptyAsync()
    {
        await using var command = DataSource.CreateCommand("TRUNCATE executions, task_runs, logs, metrics, purges");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Fresh statistics and visibility maps after seeding, as a table that has lived a while would have.</summary>
    public async Task VacuumAsync()
    {
        await using var command = DataSource.CreateCommand("VACUUM ANALYZE executions, task_runs, logs, metrics");
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }
}
