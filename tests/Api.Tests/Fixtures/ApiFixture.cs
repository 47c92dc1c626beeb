using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Flows;
using Kite.Integration.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Api.Tests.Fixtures;

/// <summary>
/// (<see cref="FlowStore"/> stands for the Api's entry assembly: Program is ambiguous beside the Migrator's.)
/// One PostgreSQL and RabbitMQ (the shared provisioning of Integration.Tests), one migrated database, the Api running
/// in-process on it, and a second service recording what the Api publishes. Tests isolate themselves by namespace.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Username = "kite-test";
    public const string Password = "correct horse battery staple";

    public Infrastructure Infrastructure { get; } = new();

    public string Database { get; private set; } = "";

    public Recorded Recorded { get; } = new();

    public WebApplicationFactory<FlowStore> Api { get; private set; } = null!;

    private TestService? recorder;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Database = await MigratedDatabase.CreateAsync(Infrastructure);
        Api = Factory(Database, Infrastructure.RabbitMqConnectionString, Password);

        var app = TestService.Build(Database, Infrastructure.RabbitMqConnectionString, "recorder",
            bus => bus.AddConsumer<Recorder>(), builder => builder.Services.AddSingleton(Recorded));
        await app.StartAsync();
        recorder = new TestService(app);
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

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient Anonymous() => Api.CreateClient();

    public static AuthenticationHeaderValue BasicHeader(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        if (recorder is not null)
        {
            await recorder.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }
}
