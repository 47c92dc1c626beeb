using Kite.Data.Records;
using Kite.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Kite.Data.Outbox;

/// <summary>
/// The outbox messages older than a threshold that no other replica holds, locked for the caller's transaction
/// (<c>FOR UPDATE SKIP LOCKED</c>): what an executor committed and then died before sending.
/// </summary>
public static class OutboxClaim
{
    public static Task<List<OutboxMessageRecord>> OlderThanAsync(KiteDbContext db, DateTimeOffset threshold, int limit, CancellationToken cancellationToken)
    {
        // Named columns: a prepared SELECT * fails once a migration adds a column under a running executor.
        var claiming = SelectedColumns.SelectFrom<OutboxMessageRecord>(db, "outbox") + " WHERE created_at < {0} ORDER BY id LIMIT {1} FOR UPDATE SKIP LOCKED";
        return db.Outbox.FromSqlRaw(claiming, threshold, limit).AsNoTracking().ToListAsync(cancellationToken);
    }
}
