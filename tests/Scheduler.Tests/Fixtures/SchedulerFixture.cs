using Kite.Core.Flows;
using Kite.Data.Executions;
using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kite.Scheduler.Tests.Fixtures;

/// <summary>
/// The engine fixture (executor and worker on real PostgreSQL and RabbitMQ) with two scheduler replicas beside it,
/// each wired as Scheduler.Service wires itself, with loops fast enough for tests.
/// </summary>
public sealed class SchedulerFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastLoops = new()
    {
        ["Kite:Scheduler:MonitoringInterval"] = "00:00:01",
        ["Kite:Scheduler:HealAfter"] = "00:00:01",
        ["Kite:Scheduler:MissedAfter"] = "00:00:03",
    };

    private readonly List<WebApplication> schedulers = [];
    private int started;

    public EngineFixture Engine { get; } = new();

    public NpgsqlDataSource Data { get; private set; } = null!;

    public IReadOnlyList<WebApplication> Schedulers => schedulers;

    public async Task InitializeAsync()
    {
        await Engine.InitializeAsync();
        Data = NpgsqlDataSource.Create(Engine.Database);
        await Task.WhenAll(StartSchedulerAsync(), StartSchedulerAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var scheduler in schedulers.ToList())
        {
            await StopSchedulerAsync(scheduler);
        }

        await Data.DisposeAsync();
        await Engine.DisposeAsync();
    }

    public async Task<WebApplication> StartSchedulerAsync()
    {
        var app = Engine.Host($"scheduler-{Interlocked.Increment(ref started)}", builder =>
        {
            builder.Configuration.AddInMemoryCollection(FastLoops);
            Kite.Scheduler.Extensions.Extensions.AddApplicationServices(builder);
        });
        lock (schedulers)
        {
            schedulers.Add(app);
        }

        Quartz.Logging.LogContext.SetCurrentLogProvider(app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
        await app.StartAsync();
        await Eventually.BecomesAsync(() => Task.FromResult(app.Services.GetRequiredService<IBusControl>().CheckHealth().Status),
            s => s == BusHealthStatus.Healthy, "the scheduler's bus is connected");
        return app;
    }

    public async Task StopSchedulerAsync(WebApplication app)
    {
        lock (schedulers)
        {
            schedulers.Remove(app);
        }

        await app.StopAsync();
        await app.DisposeAsync();

        // Quartz logs through one process-wide provider, the logger factory of the host that started last; hosts
        // sharing one test process must hand it to a survivor when that host goes (a real replica is its own process).
        if (schedulers.FirstOrDefault() is { } survivor)
        {
            Quartz.Logging.LogContext.SetCurrentLogProvider(survivor.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
        }
    }

    /// <summary>Saves a new revision of the flow and tells the schedulers, as the Api does.</summary>
    public async Task SaveFlowAsync(string yaml)
    {
        var document = FlowReader.ReadOne(yaml);
        Assert.True(document.IsValid, string.Join("; ", document.Violations));
        await WriteRevisionAsync(document.Flow!.Namespace, document.Flow.Id, yaml, deleted: false);
    }

    public Task DeleteFlowAsync(string @namespace, string flowId) => WriteRevisionAsync(@namespace, flowId, "deleted", deleted: true);

    /// <summary>The flow's executions, oldest slot first, with their trigger variables.</summary>
    public async Task<List<ScheduledRun>> ExecutionsAsync(string @namespace, string flowId)
    {
        await using var command = Data.CreateCommand(
            "SELECT id, state, start_date, trigger::text, deleted FROM executions WHERE deleted IN (true, false) AND namespace = @ns AND flow_id = @flow ORDER BY start_date");
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("flow", flowId);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<ScheduledRun>();
        while (await reader.ReadAsync())
        {
            runs.Add(new ScheduledRun(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                PlainJsonColumns.Read(reader.IsDBNull(3) ? null : reader.GetString(3)) ?? [], reader.GetBoolean(4)));
        }

        return runs;
    }

    public async Task<TriggerRow?> TriggerAsync(string @namespace, string flowId, string triggerId)
    {
        await using var command = Data.CreateCommand(
            "SELECT next_execution_date, date, execution_id, disabled FROM triggers WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger");
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("trigger", triggerId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new TriggerRow(reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3))
            : null;
    }

    private async Task WriteRevisionAsync(string @namespace, string flowId, string source, bool deleted)
    {
        await using (var command = Data.CreateCommand(
            "INSERT INTO flows (namespace, id, revision, source, deleted, updated_at) " +
            "SELECT @ns, @id, COALESCE(MAX(revision), 0) + 1, @source, @deleted, now() FROM flows WHERE namespace = @ns AND id = @id RETURNING revision"))
        {
            command.Parameters.AddWithValue("ns", @namespace);
            command.Parameters.AddWithValue("id", flowId);
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("deleted", deleted);
            var revision = (int)(await command.ExecuteScalarAsync())!;
            var bus = schedulers.First().Services.GetRequiredService<IPublishEndpoint>();
            await bus.Publish(new FlowChanged(@namespace, flowId, revision, deleted));
        }
    }
}

public sealed record ScheduledRun(string Id, string State, DateTimeOffset Created, Dictionary<string, object?> Trigger, bool Deleted)
{
    public DateTimeOffset Date => DateTimeOffset.Parse((string)Trigger["date"]!, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record TriggerRow(DateTimeOffset? NextExecutionDate, DateTimeOffset? Date, string? ExecutionId, bool Disabled);
