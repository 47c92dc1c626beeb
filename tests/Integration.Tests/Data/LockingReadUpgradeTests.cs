using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Outbox;
using Kite.Data.Records;
using Kite.Integration.Tests.Fixtures;
using Kite.ServiceDefaults.Database;
using Npgsql;

namespace Kite.Integration.Tests.Data;

/// <summary>
/// The executor's raw locking reads keep working when a migration adds a column under a running executor: a prepared
/// <c>SELECT *</c> would fail with "cached plan must not change result type" (the outbox claim did, before it named its columns).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class LockingReadUpgradeTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task The_locking_read_prepared_before_a_column_is_added_still_reads_the_execution_after()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        // The engine's tuning: statements are prepared after their second use, on connections that keep their session.
        await using var dataSource = NpgsqlDataSource.Create(ConnectionTuning.Apply(database));
        await using (var db = KiteDbContextOptions.Create(dataSource))
        {
            db.Executions.Add(new ExecutionRecord { Id = "e1", Namespace = "company", FlowId = "etl", State = "RUNNING", StartDate = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("etl", (await LockAsync(dataSource, "e1"))?.FlowId);
        }

        await AddColumnAsync(database, "executions");

        Assert.Equal("etl", (await LockAsync(dataSource, "e1"))?.FlowId);
        Assert.Null(await LockAsync(dataSource, "missing"));
    }

    [Fact]
    public async Task The_outbox_claim_prepared_before_a_column_is_added_still_claims_after()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(ConnectionTuning.Apply(database));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, await ClaimAsync(dataSource));
        }

        await AddColumnAsync(database, "outbox");

        Assert.Equal(0, await ClaimAsync(dataSource));
    }

    private static async Task<int> ClaimAsync(NpgsqlDataSource dataSource)
    {
        await using var db = KiteDbContextOptions.Create(dataSource);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await OutboxClaim.OlderThanAsync(db, DateTimeOffset.UtcNow, 500, CancellationToken.None);
        await transaction.CommitAsync();
        return claimed.Count;
    }

    /// <summary>From another session, as a migration step would run beside the executor.</summary>
    private static async Task AddColumnAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER TABLE {table} ADD COLUMN added_by_a_later_release text", connection);
        await alter.ExecuteNonQueryAsync();
    }

    private static async Task<Kite.Core.Executions.Execution?> LockAsync(NpgsqlDataSource dataSource, string id)
    {
        await using var db = KiteDbContextOptions.Create(dataSource);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var locked = await new ExecutionStore(db).LockAsync(id, CancellationToken.None);
        await transaction.CommitAsync();
        return locked?.Execution;
    }
}
