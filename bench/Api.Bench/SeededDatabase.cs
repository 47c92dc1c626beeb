using Kite.Data;
using Kite.Hosting.Postgres;
using Kite.Migrator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Api.Bench;

/// <summary>
/// A PostgreSQL started by the Hosting project with the product's durable settings, on a data folder kept under
/// <c>bench/results/tmp/</c> so the 2,000,000 seeded executions survive between runs; migrated at every start.
/// </summary>
public sealed class SeededDatabase : IAsyncDisposable
{
    private readonly PostgresServer server;

    private SeededDatabase(PostgresServer server, NpgsqlDataSource dataSource)
    {
        this.server = server;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString => server.ConnectionString;

    public static async Task<SeededDatabase> StartAsync(string root)
    {
        var server = new PostgresServer(new PostgresServerOptions { RootDirectory = root });
        await server.StartAsync(CancellationToken.None);
        var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        await using var db = KiteDbContextOptions.Create(dataSource);
        if (await new DatabaseMigration(db, new ConfigurationBuilder().Build(), NullLogger<DatabaseMigration>.Instance).RunAsync(CancellationToken.None) != 0)
        {
            throw new InvalidOperationException("the migration step failed");
        }

        return new SeededDatabase(server, dataSource);
    }

    /// <summary>The seed's marker (<see cref="ExecutionSeeder.Version"/>), or null when the data is not a complete seed.</summary>
    public async Task<string?> SeedMarkerAsync()
    {
        await using var command = DataSource.CreateCommand(
            "SELECT CASE WHEN to_regclass('api_bench_seed') IS NULL THEN NULL ELSE (SELECT max(version) FROM api_bench_seed) END");
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task ReseedAsync(int executions)
    {
        await ExecuteAsync("DROP TABLE IF EXISTS api_bench_seed; TRUNCATE executions, task_runs");
        await ExecutionSeeder.SeedAsync(DataSource, executions);
        // Fresh statistics and a set visibility map, as a table that has lived a while has: counts can be index-only.
        await ExecuteAsync("VACUUM ANALYZE executions");
        await ExecuteAsync($"CREATE TABLE api_bench_seed (version text); INSERT INTO api_bench_seed VALUES ('{ExecutionSeeder.Version(executions)}')");
    }

    public async Task<string> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await server.DisposeAsync();
    }
}
