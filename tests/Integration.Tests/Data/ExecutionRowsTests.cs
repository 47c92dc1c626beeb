using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Records;
using Kite.Integration.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kite.Integration.Tests.Data;

/// <summary>
/// The executor's locking read is one plain Npgsql batch (the execution, its runs and the sent outbox rows' delete):
/// it must read every mapped column as EF would, and leave the execution tracked for the step's save.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ExecutionRowsTests(Infrastructure infrastructure)
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_mapped_property_of_an_execution_and_a_task_run_is_read()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=unused");
        using var db = KiteDbContextOptions.Create(dataSource);

        Assert.Equal(MappedProperties<ExecutionRecord>(db), ExecutionRows.ExecutionProperties.Order());
        Assert.Equal(MappedProperties<TaskRunRecord>(db), ExecutionRows.TaskRunProperties.Order());
    }

    [Fact]
    public async Task The_locking_read_returns_every_column_as_written_and_deletes_the_sent_outbox_rows_in_the_same_batch()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var execution = FullExecution();
        var runs = new[] { FullTaskRun("tr1", 0, null), FullTaskRun("tr2", 1, "tr1") };
        long[] outbox;
        await using (var db = KiteDbContextOptions.Create(dataSource))
        {
            db.Executions.Add(execution);
            db.TaskRuns.AddRange(runs);
            var messages = Enumerable.Range(0, 3).Select(i => new OutboxMessageRecord { Destination = "publish", MessageType = "m", Body = "{}", CreatedAt = At }).ToList();
            db.Outbox.AddRange(messages);
            await db.SaveChangesAsync();
            outbox = [.. messages.Select(m => m.Id)];
        }

        await using (var db = KiteDbContextOptions.Create(dataSource))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (locked, deleted) = await new ExecutionStore(db).LockAsync(execution.Id, outbox[..2], CancellationToken.None);

            Assert.NotNull(locked);
            AssertSameColumns(execution, locked.Record);
            Assert.Equal(["tr1", "tr2"], locked.TaskRunRecords.Keys.Order());
            foreach (var run in runs)
            {
                AssertSameColumns(run, locked.TaskRunRecords[run.Id]);
            }

            Assert.Equal(["tr1", "tr2"], locked.Execution.TaskRuns.Select(r => r.Id));
            Assert.Equal(outbox[..2], deleted.Order());
            Assert.Equal(EntityState.Unchanged, db.Entry(locked.Record).State);

            locked.Record.State = "SUCCESS";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(["SUCCESS"], await MigratedDatabase.QueryAsync(database, "SELECT state FROM executions", r => r.GetString(0)));
        Assert.Equal([outbox[2]], await MigratedDatabase.QueryAsync(database, "SELECT id FROM outbox", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task The_locking_read_of_a_missing_execution_returns_none_and_still_reports_the_outbox_rows_it_deleted()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var db = KiteDbContextOptions.Create(dataSource);
        var message = new OutboxMessageRecord { Destination = "publish", MessageType = "m", Body = "{}", CreatedAt = At };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var (locked, deleted) = await new ExecutionStore(db).LockAsync("missing", [message.Id], CancellationToken.None);

        Assert.Null(locked);
        Assert.Equal([message.Id], deleted);
    }

    private static IEnumerable<string> MappedProperties<TRecord>(DbContext db) =>
        db.Model.FindEntityType(typeof(TRecord))!.GetProperties().Select(p => p.Name).Order();

    private static void AssertSameColumns<TRecord>(TRecord expected, TRecord actual)
    {
        foreach (var property in typeof(TRecord).GetProperties())
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)),
                $"{typeof(TRecord).Name}.{property.Name}: wrote {property.GetValue(expected)}, read {property.GetValue(actual)}");
        }
    }

    /// <summary>Every column set, none to its default, so a column read from the wrong place shows.</summary>
    private static ExecutionRecord FullExecution() => new()
    {
        Id = "exec1",
        Namespace = "company.team",
        FlowId = "etl",
        FlowRevision = 3,
        State = "RUNNING",
        StartDate = At,
        EndDate = At.AddSeconds(5),
        DurationMs = 5000,
        ScheduleDate = At.AddMinutes(-1),
        Inputs = """{"a": 1}""",
        Outputs = """{"b": 2}""",
        Variables = """{"c": 3}""",
        Labels = """[{"key": "k", "value": "v"}]""",
        Trigger = """{"id": "webhook"}""",
        StateHistory = """[{"state": "CREATED"}]""",
        ParentId = "parent",
        OriginalId = "original",
        Attempt = 2,
        OriginalCreatedDate = At.AddHours(-1),
        Deleted = false,
        StepVersion = 7,
    };

    private static TaskRunRecord FullTaskRun(string id, int position, string? parent) => new()
    {
        Id = id,
        ExecutionId = "exec1",
        Position = position,
        ParentTaskRunId = parent,
        TaskId = "task" + id,
        Value = "value" + id,
        Iteration = position + 4,
        State = "SUCCESS",
        StateHistory = """[{"state": "RUNNING"}]""",
        Attempts = """[{"state": "SUCCESS"}]""",
        Outputs = """{"o": 1}""",
        StartDate = At.AddSeconds(position),
        EndDate = At.AddSeconds(position + 1),
    };
}
