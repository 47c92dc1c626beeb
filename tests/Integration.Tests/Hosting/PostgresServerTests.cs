using Kite.Hosting.Postgres;
using Kite.Integration.Tests.Fixtures;
using Npgsql;

namespace Kite.Integration.Tests.Hosting;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_server_restarted_on_the_same_folder_keeps_its_data_and_password()
    {
        using var root = new TemporaryFolder();
        var options = new PostgresServerOptions { RootDirectory = root.Path, Database = "keep", Ephemeral = false };
        await using (var first = new PostgresServer(options))
        {
            await first.StartAsync(CancellationToken.None);
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }

        await using var second = new PostgresServer(options);
        await second.StartAsync(CancellationToken.None);
        Assert.Equal(42, await ExecuteAsync(second.ConnectionString, "SELECT v FROM kept"));
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
