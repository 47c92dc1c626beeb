using Kite.Data.Logs;
using Kite.Data.Records;
using Kite.Integration.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kite.Integration.Tests.Data;

/// <summary>
/// A worker writes a Log task's line, then flushes before it reports the task's end: the flush must not wait for the
/// batch interval the line is already waiting in. The clock here never moves on its own, so only the flush can end it.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class LogWriterTests(Infrastructure infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_flush_asked_for_while_a_line_waits_for_its_batch_writes_the_line_without_waiting_for_the_interval()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var clock = new HeldClock();
        var writer = new LogWriter(dataSource, clock, NullLogger<LogWriter>.Instance, []);
        await writer.StartAsync(CancellationToken.None);

        await writer.WriteAsync(Line("the task's line"), CancellationToken.None);
        // The writer has taken the line and waits for more of them to join its batch.
        await clock.TimerStarted.WaitAsync(Patience);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(["the task's line"], await MessagesAsync(database));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Lines_nobody_flushes_wait_for_the_interval_and_are_then_written_in_one_batch()
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var clock = new HeldClock();
        var writer = new LogWriter(dataSource, clock, NullLogger<LogWriter>.Instance, []);
        await writer.StartAsync(CancellationToken.None);

        await writer.WriteAsync(Line("first"), CancellationToken.None);
        await clock.TimerStarted.WaitAsync(Patience);
        await writer.WriteAsync(Line("second"), CancellationToken.None);
        Assert.Empty(await MessagesAsync(database));

        clock.Fire();
        using var patience = new CancellationTokenSource(Patience);
        while ((await MessagesAsync(database)).Count < 2)
        {
            await Task.Delay(50, patience.Token);
        }

        var written = await MigratedDatabase.QueryAsync(database,
            "SELECT message, xmin::text FROM logs WHERE execution_id = 'execution' ORDER BY id", r => (r.GetString(0), r.GetString(1)));
        Assert.Equal(["first", "second"], written.Select(w => w.Item1));
        Assert.Single(written.Select(w => w.Item2).Distinct());
        await writer.StopAsync(CancellationToken.None);
    }

    private static Task<List<string>> MessagesAsync(string database) =>
        MigratedDatabase.QueryAsync(database, "SELECT message FROM logs WHERE execution_id = 'execution' ORDER BY id", r => r.GetString(0));

    private static LogRecord Line(string message) => new()
    {
        Namespace = "company",
        FlowId = "flow",
        ExecutionId = "execution",
        TaskRunId = "run",
        TaskId = "log",
        Timestamp = DateTimeOffset.UtcNow,
        Level = "INFO",
        Message = message,
    };
}
