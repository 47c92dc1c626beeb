using Npgsql;

namespace Kite.AppHost.Orchestration;

internal static class PostgresProbe
{
    public static async Task<(HealthStatus, string?)> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return (HealthStatus.Healthy, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return (HealthStatus.Unhealthy, ex.Message);
        }
    }
}
