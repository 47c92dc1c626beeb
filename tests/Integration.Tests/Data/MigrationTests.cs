using Kite.Data;
using Kite.Data.Schema;
using Kite.Integration.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kite.Integration.Tests.Data;

[Collection(InfrastructureCollection.Name)]
public sealed class MigrationTests(Infrastructure infrastructure)
{
    [Fact]
    public async Task Migration_step_creates_every_table_of_the_architecture()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);

        var tables = await MigratedDatabase.QueryAsync(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", r => r.GetString(0));

        Assert.Superset(
            new HashSet<string> { "flows", "executions", "task_runs", "logs", "metrics", "triggers", "service_instance", "__migrations" },
            tables.ToHashSet());
    }

    [Theory]
    [InlineData("executions")]
    [InlineData("logs")]
    [InlineData("flows")]
    public async Task Every_secondary_index_leads_with_deleted_so_every_query_can_use_it(string table)
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);

        var indexes = await MigratedDatabase.QueryAsync(db,
            $"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '{table}' AND indexname NOT LIKE 'pk_%'",
            r => (Name: r.GetString(0), Definition: r.GetString(1)));

        Assert.NotEmpty(indexes);
        // A GIN index (labels) cannot lead with a boolean without btree_gin; the planner ANDs it with a (deleted, ...) index.
        Assert.All(indexes.Where(i => !i.Definition.Contains("USING gin", StringComparison.Ordinal)),
            index => Assert.Contains("(deleted,", index.Definition, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("triggers", "next_execution_date")]
    [InlineData("service_instance", "heartbeat_at")]
    [InlineData("task_runs", "execution_id")]
    [InlineData("metrics", "execution_id")]
    public async Task Hot_lookup_columns_are_indexed(string table, string column)
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);

        var definitions = await MigratedDatabase.QueryAsync(db, $"SELECT indexdef FROM pg_indexes WHERE tablename = '{table}'", r => r.GetString(0));

        Assert.Contains(definitions, d => d.Contains($"({column}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_the_migration_step_again_changes_nothing_and_succeeds()
    {
        var db = await MigratedDatabase.CreateAsync(infrastructure);

        Assert.Equal(0, await MigratedDatabase.MigrateAsync(db));

        var applied = await MigratedDatabase.QueryAsync(db, "SELECT count(*) FROM __migrations", r => r.GetInt64(0));
        await using var dataSource = NpgsqlDataSource.Create(db);
        await using var context = KiteDbContextOptions.Create(dataSource);
        Assert.Equal(context.Database.GetMigrations().Count(), applied.Single());
    }

    [Fact]
    public async Task Two_migration_steps_started_together_both_succeed_and_apply_each_migration_once()
    {
        var db = await infrastructure.CreateDatabaseAsync();

        var results = await Task.WhenAll(MigratedDatabase.MigrateAsync(db), MigratedDatabase.MigrateAsync(db));

        Assert.All(results, code => Assert.Equal(0, code));
        await using var dataSource = NpgsqlDataSource.Create(db);
        await using var context = KiteDbContextOptions.Create(dataSource);
        Assert.True((await SchemaVersion.CheckAsync(context, CancellationToken.None)).IsCurrent);
    }

    [Fact]
    public async Task Schema_check_on_an_unmigrated_database_names_the_missing_migration_and_the_migration_step()
    {
        var db = await infrastructure.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(db);
        await using var context = KiteDbContextOptions.Create(dataSource);

        var error = await Assert.ThrowsAsync<SchemaOutdatedException>(() => SchemaVersion.EnsureCurrentAsync(context, CancellationToken.None));

        Assert.Contains(error.Pending, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Contains("dotnet run --project Migrator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_step_gives_up_with_exit_code_2_when_the_database_never_answers()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString)
        {
            Port = Kite.Hosting.Processes.FreePort.Next(),
            Timeout = 1,
        }.ConnectionString;

        Assert.Equal(2, await MigratedDatabase.MigrateAsync(unreachable, connectTimeoutSeconds: 1));
    }
}
