using Kite.Data;
using Kite.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kite.Migrator;

/// <summary>Waits for the database, applies every pending migration in one go, and reports what it did.</summary>
public sealed class DatabaseMigration(KiteDbContext db, IConfiguration configuration, ILogger<DatabaseMigration> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var connectTimeout = configuration.GetValue("Migrator:ConnectTimeoutSeconds", 60);
        if (!await WaitForDatabaseAsync(TimeSpan.FromSeconds(connectTimeout), cancellationToken))
        {
            logger.LogCritical("The database did not answer within {Seconds} s; no migration was applied", connectTimeout);
            return 2;
        }

        var before = await SchemaVersion.CheckAsync(db, cancellationToken);
        if (before.Unknown.Count > 0)
        {
            logger.LogWarning("The database has migrations this build does not know ({Unknown}); it was migrated by a newer Kite", string.Join(", ", before.Unknown));
        }

        // EF Core takes a database lock for the duration, so concurrent migration steps apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Schema is current: applied {Count} migration(s) {Migrations}", before.Pending.Count, string.Join(", ", before.Pending));
        return 0;
    }

    private async Task<bool> WaitForDatabaseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                if (await db.Database.CanConnectAsync(cancellationToken))
                {
                    return true;
                }
            }
            catch (NpgsqlException ex)
            {
                logger.LogInformation("Waiting for the database: {Reason}", ex.Message);
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }
}
