using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Flows;
using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Api.Tests.Fixtures;

/// <summary>
/// (<see cref="FlowStore"/> stands for the Api's entry assembly: Program is ambiguous beside the Migrator's.)
/// One PostgreSQL and RabbitMQ (the shared provisioning of Integration.Tests), one migrated database, the Api running
/// in-process on it, and a second service recording what the Api publishes. Tests isolate themselves by namespace.
/// Beside it, on a database of its own and the same broker, a second Api with a real executor and worker
/// (<see cref="Engine"/>), for what only a running execution shows: follow, wait, webhooks, logs. The executor ignores
/// the first Api's executions, since their rows are not in its database.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Username = "kite-test";
    public const string Password = "correct horse battery staple";

    public Infrastructure Infrastructure { get; } = new();

    public string Database { get; private set; } = "";

    public Recorded Recorded { get; } = new();

    public WebApplicationFactory<FlowStore> Api { get; private set; } = null!;

    /// <summary>The Api whose executions run.</summary>
    public WebApplicationFactory<FlowStore> Engine { get; private set; } = null!;

    public string EngineDatabase { get; private set; } = "";

    private TestService? recorder;
    private WebApplication? executor;
    private WebApplication? worker;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Database = await MigratedDatabase.CreateAsync(Infrastructure);
        Api = Factory(Database, Infrastructure.RabbitMqConnectionString, Password);

        var app = TestService.Build(Database, Infrastructure.RabbitMqConnectionString, "recorder",
            bus => bus.AddConsumer<Recorder>(), builder => builder.Services.AddSingleton(Recorded));
        await app.StartAsync();
        recorder = new TestService(app);

        EngineDatabase = await MigratedDatabase.CreateAsync(Infrastructure);
        Engine = Factory(EngineDatabase, Infrastructure.RabbitMqConnectionString, Password);
        executor = EngineFixture.Executor(EngineDatabase, Infrastructure.RabbitMqConnectionString);
        worker = EngineFixture.Worker(EngineDatabase, Infrastructure.RabbitMqConnectionString);
        await Task.WhenAll(executor.StartAsync(), worker.StartAsync());
        foreach (var services in new[] { executor.Services, worker.Services, Engine.Services })
        {
            await Eventually.BecomesAsync(() => Task.FromResult(services.GetRequiredService<IBusControl>().CheckHealth().Status),
                s => s == BusHealthStatus.Healthy, "the bus is connected");
        }
        await Eventually.BecomesAsync(
            async () => (await recorder.Http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode,
            s => s == HttpStatusCode.OK, "the recording service is connected to the bus");
    }

    /// <summary>The Api configured as the AppHost would start it; a null password leaves <c>Auth:Password</c> unset.</summary>
    public static WebApplicationFactory<FlowStore> Factory(string postgres, string rabbitmq, string? password) =>
        new WebApplicationFactory<FlowStore>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitmq);
            web.UseSetting("Kite:Database:StartupTimeoutSeconds", "10");
            // The store every node shares, as the fixture's worker uses it: a FILE input uploaded here is read there.
            web.UseSetting("Kite:Storage:Type", "postgres");
            web.UseSetting("Kite:Encryption:SecretKey", EngineFixture.EncryptionKey);
            web.UseSetting("Auth:Username", Username);
            if (password is not null)
            {
                web.UseSetting("Auth:Password", password);
            }
        });

    /// <summary>A client that signs in with the configured account.</summary>
    public HttpClient Client()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = BasicHeader(Username, Password);
        return client;
    }

    /// <summary>A signed-in client of the Api whose executions run.</summary>
    public HttpClient EngineClient()
    {
        var client = Engine.CreateClient();
        client.DefaultRequestHeaders.Authorization = BasicHeader(Username, Password);
        return client;
    }

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient Anonymous() => Api.CreateClient();

    public static AuthenticationHeaderValue BasicHeader(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }

        foreach (var app in new[] { worker, executor })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        if (recorder is not null)
        {
            await recorder.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }
}
