using Kite.Integration.Tests.Fixtures;

namespace Kite.Api.Tests.Hostile;

/// <summary>What a database holds, table by table (a count and a digest of every row), to show that requests changed nothing.</summary>
public static class DatabaseRows
{
    private static readonly string[] Tables = ["executions", "task_runs", "flows", "logs", "triggers", "kv", "purges", "storage_files"];

    public static async Task<Dictionary<string, string>> SnapshotAsync(string database)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            var rows = await MigratedDatabase.QueryAsync(database,
                $"SELECT count(*)::text || ' ' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {table} t",
                r => r.GetString(0));
            snapshot[table] = rows[0];
        }

        return snapshot;
    }
}
