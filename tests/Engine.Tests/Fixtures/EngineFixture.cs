using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Secrets;
using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Records;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using State = Kite.Core.Executions.State;

namespace Kite.Engine.Tests.Fixtures;

/// <summary>
/// One executor and one worker for the test assembly, started as their services start them, on one migrated database.
/// A derived fixture adds roles (Purge.Tests adds the purge service) that start and stop with them.
/// </summary>
public class EngineFixture : IAsyncLifetime
{
    private readonly Infrastructure infrastructure = new();
    private readonly IReadOnlyList<(string Name, Action<WebApplicationBuilder> AddRole)> moreRoles;
    private readonly Dictionary<string, WebApplication> more = [];
    private WebApplication? executor;
    private WebApplication? worker;
    private NpgsqlDataSource? dataSource;

    public EngineFixture()
        : this([])
    {
    }

    protected EngineFixture(IReadOnlyList<(string Name, Action<WebApplicationBuilder> AddRole)> roles) => moreRoles = roles;

    public string Database { get; private set; } = "";

    public Infrastructure Infrastructure => infrastructure;

    /// <summary>The services of a role added by a derived fixture.</summary>
    public IServiceProvider ServicesOf(string role) => more[role].Services;

    /// <summary>The executor's services.</summary>
    public IServiceProvider ExecutorServices => executor!.Services;

    public string RabbitMq => infrastructure.RabbitMqConnectionString;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Database = await MigratedDatabase.CreateAsync(infrastructure);
        dataSource = NpgsqlDataSource.Create(Database);
        executor = Executor(Database, infrastructure.RabbitMqConnectionString);
        worker = Worker(Database, infrastructure.RabbitMqConnectionString);
        foreach (var (name, addRole) in moreRoles)
        {
            more[name] = Host(name, addRole);
        }

        await Task.WhenAll(new[] { executor, worker }.Concat(more.Values).Select(app => app.StartAsync()));
        foreach (var app in new[] { executor, worker }.Concat(more.Values))
        {
            await Eventually.BecomesAsync(() => Task.FromResult(app.Services.GetRequiredService<IBusControl>().CheckHealth().Status),
                s => s == BusHealthStatus.Healthy, "the bus is connected");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in more.Values.Append(worker).Append(executor))
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        await infrastructure.DisposeAsync();
    }

    /// <summary>Saves the flow (revision 1) unless it is there, creates an execution as the Api does, and hands it to the executor.</summary>
    public async Task<string> StartAsync(string yaml, Dictionary<string, object?>? inputs = null, Dictionary<string, object?>? trigger = null)
    {
        var id = await CreateAsync(yaml, inputs, trigger);
        await executor!.Services.GetRequiredService<IPublishEndpoint>().Publish(new ExecutionCreated(id));
        return id;
    }

    /// <summary>Saves the flow (revision 1) unless it is there and inserts a CREATED execution, without telling the executor.</summary>
    public async Task<string> CreateAsync(string yaml, Dictionary<string, object?>? inputs = null, Dictionary<string, object?>? trigger = null)
    {
        var document = FlowReader.ReadOne(yaml);
        Assert.True(document.IsValid, string.Join("; ", document.Violations));
        var flow = document.Flow!;
        var resolved = InputResolver.Resolve(flow.Inputs, inputs ?? [], cipher: new SecretCipher(EncryptionKey));
        Assert.True(resolved.IsValid, string.Join("; ", resolved.Errors));
        await using var db = Context();
        if (!await db.Flows.AnyAsync(f => f.Namespace == flow.Namespace && f.Id == flow.Id && f.Revision == 1))
        {
            db.Flows.Add(new FlowRecord { Namespace = flow.Namespace, Id = flow.Id, Revision = 1, Source = yaml, UpdatedAt = DateTimeOffset.UtcNow });
        }

        var now = DateTimeOffset.UtcNow;
        var id = ShortId.New();
        db.Executions.Add(new ExecutionRecord
        {
            Id = id,
            Namespace = flow.Namespace,
            FlowId = flow.Id,
            FlowRevision = 1,
            State = "CREATED",
            StartDate = now,
            StateHistory = StateJson.WriteHistory(new StateHistory(State.Created, now)),
            Inputs = PlainJsonColumns.Write(resolved.Values),
            Trigger = PlainJsonColumns.Write(trigger),
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<ExecutionView> RunAsync(string yaml, Dictionary<string, object?>? inputs = null, Dictionary<string, object?>? trigger = null, TimeSpan? timeout = null) =>
        await WaitForEndAsync(await StartAsync(yaml, inputs, trigger), timeout);

    public Task<ExecutionView> WaitForEndAsync(string executionId, TimeSpan? timeout = null) =>
        Eventually.BecomesAsync(() => ReadAsync(executionId), e => StateExtensions.ParseKestraName(e.State).IsTerminated(), $"execution {executionId} ends", timeout ?? TimeSpan.FromSeconds(60));

    public async Task<ExecutionView> ReadAsync(string executionId)
    {
        await using var db = Context();
        var execution = await db.Executions.AsNoTracking().SingleAsync(e => e.Id == executionId && (e.Deleted || !e.Deleted));
        var runs = await db.TaskRuns.AsNoTracking().Where(t => t.ExecutionId == executionId).OrderBy(t => t.Position).ToListAsync();
        return new ExecutionView(execution.Id, execution.State,
            [.. runs.Select(r => new TaskRunView(r.Id, r.TaskId, r.State, r.Value, r.Outputs, r.Attempts))], execution.Outputs, execution.DurationMs);
    }

    public async Task<List<(string Level, string Message, string? TaskId)>> LogsAsync(string executionId)
    {
        await using var db = Context();
        return (await db.Logs.AsNoTracking().Where(l => !l.Deleted && l.ExecutionId == executionId).OrderBy(l => l.Id).ToListAsync())
            .Select(l => (l.Level, l.Message, l.TaskId)).ToList();
    }

    /// <summary>Saves a flow that executions do not start directly (a Subflow's child), as revision 1.</summary>
    public async Task SaveFlowAsync(string yaml)
    {
        var flow = FlowReader.ReadOne(yaml).Flow!;
        await using var db = Context();
        if (!await db.Flows.AnyAsync(f => f.Namespace == flow.Namespace && f.Id == flow.Id && f.Revision == 1))
        {
            db.Flows.Add(new FlowRecord { Namespace = flow.Namespace, Id = flow.Id, Revision = 1, Source = yaml, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Publishes a command (kill, resume, restart) as the Api does.</summary>
    public Task PublishAsync<T>(T message) where T : class =>
        executor!.Services.GetRequiredService<IPublishEndpoint>().Publish(message);

    public Task<ExecutionView> WaitForStateAsync(string executionId, string state, TimeSpan? timeout = null) =>
        Eventually.BecomesAsync(() => ReadAsync(executionId), e => e.State == state, $"execution {executionId} is {state}", timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>The executions a Subflow task started from <paramref name="parentId"/>.</summary>
    public async Task<List<string>> ChildrenAsync(string parentId)
    {
        await using var db = Context();
        return await db.Executions.AsNoTracking().Where(e => e.ParentId == parentId && (e.Deleted || !e.Deleted)).Select(e => e.Id).ToListAsync();
    }

    public async Task<List<string>> HistoryAsync(string executionId)
    {
        await using var db = Context();
        var record = await db.Executions.AsNoTracking().SingleAsync(e => e.Id == executionId && (e.Deleted || !e.Deleted));
        return [.. StateJson.ReadHistory(record.StateHistory, StateExtensions.ParseKestraName(record.State), record.StartDate).Changes.Select(c => c.State.ToKestraName())];
    }

    public KiteDbContext Context() => KiteDbContextOptions.Create(dataSource!);

    /// <summary>A service of <paramref name="name"/>'s role on this fixture's database and broker, built but not started.</summary>
    public WebApplication Host(string name, Action<WebApplicationBuilder> addRole) =>
        Host(name, Database, infrastructure.RabbitMqConnectionString, addRole);

    /// <summary>A secret given in configuration as <c>Kite:Secrets:NAME</c>, read by <c>secret('KITE_TEST_TOKEN')</c>.</summary>
    public const string PlainSecret = "KITE_TEST_TOKEN";
    public const string PlainSecretValue = "hunter2-plain-9f3a";

    /// <summary>The key of SECRET inputs every service of the fixture is given (<c>Kite:Encryption:SecretKey</c>).</summary>
    public const string EncryptionKey = "kite-engine-tests-encryption-key-4d2b";

    /// <summary>A secret given as Kestra gives them: <c>SECRET_NAME</c> in base64.</summary>
    public const string Base64Secret = "KITE_TEST_BASE64";
    public const string Base64SecretValue = "p@ss \"quoted\" 7c1e";

    /// <summary>An executor wired as Executor.Service wires it (not started).</summary>
    public static WebApplication Executor(string database, string rabbitmq) =>
        Host("executor", database, rabbitmq, builder => Kite.Executor.Extensions.Extensions.AddApplicationServices(builder));

    /// <summary>A worker wired as Worker.Service wires it (not started).</summary>
    public static WebApplication Worker(string database, string rabbitmq) =>
        Host("worker", database, rabbitmq, builder => Kite.Worker.Extensions.Extensions.AddApplicationServices(builder));

    /// <summary>A service of <paramref name="name"/>'s role on another database, built but not started.</summary>
    public static WebApplication Host(string name, string database, string rabbitmq, Action<WebApplicationBuilder> addRole)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = database,
            ["ConnectionStrings:rabbitmq"] = rabbitmq,
            ["OTEL_SERVICE_NAME"] = name,
            ["Kite:Storage:Type"] = "postgres",
            [$"Kite:Secrets:{PlainSecret}"] = PlainSecretValue,
            ["Kite:Encryption:SecretKey"] = EncryptionKey,
            [$"SECRET_{Base64Secret}"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Base64SecretValue)),
        });
        builder.AddServiceDefaults();
        addRole(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
