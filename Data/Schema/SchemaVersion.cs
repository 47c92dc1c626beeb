using Microsoft.EntityFrameworkCore;

namespace Kite.Data.Schema;

public static class SchemaVersion
{
    public static async Task<SchemaStatus> CheckAsync(KiteDbContext db, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var known = db.Database.GetMigrations().ToList();
        return new SchemaStatus(
            Pending: known.Where(m => !applied.Contains(m)).ToList(),
            Unknown: applied.Where(m => !known.Contains(m, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Throws <see cref="SchemaOutdatedException"/> when the database lacks a migration this build needs.</summary>
    public static async Task EnsureCurrentAsync(KiteDbContext db, CancellationToken cancellationToken)
    {
        var status = await CheckAsync(db, cancellationToken);
        if (!status.IsCurrent)
        {
            throw new SchemaOutdatedException(status.Pending);
        }
    }
}
