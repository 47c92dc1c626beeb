using Kite.Data;
using Kite.Migrator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Integration.Tests.Fixtures;

public static class MigratedDatabase
{
    /// <summary>Runs the migration step against <paramref name="connectionString"/> as the AppHost does; returns its exit code.</summary>
    public static async Task<int> MigrateAsync(string connectionString, int connectTimeoutSeconds = 30)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var db = KiteDbContextOptions.Create(dataSource);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Migrator:ConnectTimeoutSeconds"] = connectTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        return await new DatabaseMigration(db, configuration, NullLogger<DatabaseMigration>.Instance).RunAsync(CancellationToken.None);
    }

    public static async Task<string> CreateAsync(Infrastructure infrastructure)
    {
        var connectionString = await infrastructure.CreateDatabaseAsync();
        Assert.Equal(0, await MigrateAsync(connectionString));
        return connectionString;
    }

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
