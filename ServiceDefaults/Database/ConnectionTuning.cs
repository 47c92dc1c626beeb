using System.Data.Common;
using Npgsql;

namespace Kite.ServiceDefaults.Database;

/// <summary>
/// Npgsql settings the services want unless the connection string sets them. Every pooled connection would
/// otherwise be reset with <c>DISCARD ALL</c> before its next use (no Kite code leaves session state behind), and
/// every statement parsed and planned anew: the executor's steps repeat the same dozen statements, so preparing
/// them once per physical connection saves PostgreSQL most of its work per step. Behind a transaction-mode pooler
/// (PgBouncer) set <c>Max Auto Prepare=0</c>.
/// </summary>
public static class ConnectionTuning
{
    /// <param name="customPlans">
    /// Plan every execution of a prepared statement for its parameters. Without it PostgreSQL switches a statement
    /// to one generic plan after five runs, and a search filtered by a namespace that holds a fiftieth of the rows
    /// then walks the whole start-date index (3.6 s for page 400 on 2 million executions): the Api's searches want a
    /// plan per filter, the engine's key lookups do not.
    /// </param>
    public static string Apply(string connectionString, bool customPlans = false)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 64;
        }

        if (!given.Contains("AutoPrepareMinUsages"))
        {
            tuned.AutoPrepareMinUsages = 2;
        }

        if (customPlans && !(tuned.Options ?? "").Contains("plan_cache_mode", StringComparison.Ordinal))
        {
            tuned.Options = $"{tuned.Options} -c plan_cache_mode=force_custom_plan".Trim();
        }

        return tuned.ConnectionString;
    }
}
