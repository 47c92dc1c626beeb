using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Kite.Data.Schema;

/// <summary>
/// The column list of an entity's table as this build maps it, for the raw <c>SELECT ... FOR UPDATE</c> statements EF
/// cannot write. A <c>SELECT *</c> that Npgsql prepared fails with "cached plan must not change result type" once a
/// migration adds a column under a running replica; a statement naming its columns keeps working through such an upgrade.
/// </summary>
public static class SelectedColumns
{
    private static readonly ConcurrentDictionary<Type, string> Lists = new();

    /// <summary><c>SELECT "a", "b" ... FROM table</c>, for a raw query to go on with its WHERE clause.</summary>
    public static string SelectFrom<TRecord>(DbContext db, string table) => "SELECT " + Of<TRecord>(db) + " FROM " + table;

    public static string Of<TRecord>(DbContext db) => Lists.GetOrAdd(typeof(TRecord), type =>
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped");
        return string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\""));
    });
}
