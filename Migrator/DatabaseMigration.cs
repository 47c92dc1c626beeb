using Kite.Data;
using Kite.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kite.Migrator;

/// <summary>Waits for the database, applies every pending migration in one go, and reports what it did.</summary>
public sealed class DatabaseMigration(KiteDbContext db, IConfiguration configuration, ILogger<DatabaseMigration> logger)
{
    /// <summary>An arbitrary, fixed key for <c>pg_advisory_lock</c>: "kite" in ASCII.</summary>
    private const long MigrationLockKey = 0x6B697465;

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

        // Two migration steps at once (two AppHosts, a Job retried while the first still runs) must not both apply a
        // migration: a session advisory lock, held by the connection the migration runs on, serialises them, and the
        // second finds nothing left to do.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            before = await SchemaVersion.CheckAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }

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
