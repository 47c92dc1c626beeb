using Kite.Data;
using Kite.Data.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kite.ServiceDefaults.Database;

/// <summary>
/// Runs before the service's own work: waits for the database (bounded), then refuses to start when the
/// schema lacks a migration this build needs, with a message that says what to run.
/// </summary>
internal sealed class SchemaGuard(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SchemaGuard> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Kite:Database:StartupTimeoutSeconds", 120));
        var deadline = DateTimeOffset.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
            try
            {
                await SchemaVersion.EnsureCurrentAsync(db, cancellationToken);
                return;
            }
            catch (SchemaOutdatedException ex)
            {
                logger.LogCritical("{Message}", ex.Message);
                throw;
            }
            catch (NpgsqlException ex) when (DateTimeOffset.UtcNow < deadline)
            {
                logger.LogWarning("The database is not reachable yet ({Reason}); retrying in {Delay} ms", ex.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
