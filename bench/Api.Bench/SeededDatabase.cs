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
        if (await ScalarAsync("SELECT to_regclass('api_bench_seed') IS NOT NULL") != "True")
        {
            return null;
        }

        return await ScalarAsync("SELECT max(version) FROM api_bench_seed");
    }

    /// <summary>
    /// Empties the table and seeds it. The secondary indexes are dropped for the load and built again after it from
    /// their own definitions (as the migrations made them): one sorted build is several times cheaper than a million
    /// insertions into each.
    /// </summary>
    public async Task ReseedAsync(int executions)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS api_bench_seed; TRUNCATE executions, task_runs");
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
            "WHERE x.indrelid = 'executions'::regclass AND NOT x.indisprimary", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        await ExecutionSeeder.SeedAsync(DataSource, executions);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
        }

        // Fresh statistics and a set visibility map, as a table that has lived a while has: counts can be index-only.
        await ExecuteAsync(connection, "VACUUM ANALYZE executions");
        await ExecuteAsync(connection, $"CREATE TABLE api_bench_seed (version text); INSERT INTO api_bench_seed VALUES ('{ExecutionSeeder.Version(executions)}')");
    }

    public async Task<string> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await server.DisposeAsync();
    }
}
