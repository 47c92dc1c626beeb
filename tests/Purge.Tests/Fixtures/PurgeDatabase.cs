using Kite.Data.Purges;
using Kite.Integration.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Purge.Tests.Fixtures;

/// <summary>A fresh migrated database and files folder of one test, with the purgers over them.</summary>
public sealed class PurgeDatabase : IAsyncDisposable
{
    private readonly TemporaryFolder folder = new();

    private PurgeDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Files = new InterruptibleStorage(folder.Path);
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public InterruptibleStorage Files { get; }

    public ExecutionPurger Executions => new(DataSource, Files, NullLogger<ExecutionPurger>.Instance);
    public LogPurger Logs => new(DataSource, NullLogger<LogPurger>.Instance);

    public static async Task<PurgeDatabase> CreateAsync(Infrastructure infrastructure) =>
        new(await MigratedDatabase.CreateAsync(infrastructure));

    /// <summary>Every execution id left, soft-deleted ones included.</summary>
    public async Task<HashSet<string>> ExecutionIdsAsync() =>
        [.. await MigratedDatabase.QueryAsync(ConnectionString, "SELECT id FROM executions WHERE deleted IN (true, false)", r => r.GetString(0))];

    public async Task<long> CountAsync(string sql) =>
        (await MigratedDatabase.QueryAsync(ConnectionString, sql, r => r.GetInt64(0))).Single();

    /// <summary>Rows of logs, metrics and task runs whose execution is gone.</summary>
    public Task<long> OrphansAsync() => CountAsync("""
        SELECT (SELECT count(*) FROM logs l WHERE l.execution_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.id = l.execution_id))
             + (SELECT count(*) FROM metrics m WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.id = m.execution_id))
             + (SELECT count(*) FROM task_runs t WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.id = t.execution_id))
        """);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        folder.Dispose();
    }
}
