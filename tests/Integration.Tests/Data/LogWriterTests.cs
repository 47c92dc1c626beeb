using Kite.Data.Logs;
using Kite.Data.Records;
using Kite.Hosting.Postgres;
using Kite.Hosting.Processes;
using Kite.Integration.Tests.Fixtures;
using Microsoft.Extensions.Logging;
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

    [Fact]
    public async Task Lines_written_while_PostgreSQL_is_down_are_kept_and_written_when_it_answers_again()
    {
        using var folder = new TemporaryFolder();
        await using var server = new PostgresServer(new PostgresServerOptions { RootDirectory = folder.Path, Ephemeral = true, Port = FreePort.Next() });
        await server.StartAsync(CancellationToken.None);
        var database = server.ConnectionString;
        Assert.Equal(0, await MigratedDatabase.MigrateAsync(database));
        await server.StopAsync();

        await using var dataSource = NpgsqlDataSource.Create(database);
        var failures = new FailureSignal();
        var writer = new LogWriter(dataSource, TimeProvider.System, failures, []);
        await writer.StartAsync(CancellationToken.None);
        await writer.WriteAsync(Line("written during the outage"), CancellationToken.None);
        var flushed = writer.FlushAsync(CancellationToken.None);
        // Longer than the five attempts after which a batch PostgreSQL refuses is dropped.
        await failures.Failed.Task.WaitAsync(Patience);
        Assert.False(flushed.IsCompleted);

        await server.StartAsync(CancellationToken.None);
        await flushed.WaitAsync(Patience);

        Assert.Equal(["written during the outage"], await MessagesAsync(database));
        await writer.StopAsync(CancellationToken.None);
    }

    /// <summary>Completes when the writer has reported six failed writes.</summary>
    private sealed class FailureSignal : ILogger<LogWriter>
    {
        private int count;

        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning && Interlocked.Increment(ref count) >= 6)
            {
                Failed.TrySetResult();
            }
        }
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
