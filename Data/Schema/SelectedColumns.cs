using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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

    public static string Of<TRecord>(DbContext db) => Lists.GetOrAdd(typeof(TRecord), _ => Join(Entity<TRecord>(db).GetProperties()));

    /// <summary>The columns of the named properties, in that order, for a reader that reads them by position.</summary>
    public static string Of<TRecord>(DbContext db, IEnumerable<string> properties)
    {
        var entity = Entity<TRecord>(db);
        return Join(properties.Select(name => entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TRecord).Name}.{name} is not mapped")));
    }

    private static IEntityType Entity<TRecord>(DbContext db) =>
        db.Model.FindEntityType(typeof(TRecord)) ?? throw new InvalidOperationException($"{typeof(TRecord).Name} is not mapped");

    private static string Join(IEnumerable<IProperty> properties) => string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
}
