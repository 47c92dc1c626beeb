using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Flows;
using Kite.Hosting.Processes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kite.Api.Bench;

/// <summary>
/// Api.Service in this process, as the AppHost configures it (Production, Basic authentication), served by Kestrel on a
/// loopback port so a request crosses a real socket. (<see cref="FlowStore"/> names the Api's entry assembly.) The broker
/// address is unreachable on purpose: search never touches the bus, and the Api starts without waiting for it.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private const string Username = "bench";
    private const string Password = "api bench password";

    private readonly WebApplicationFactory<FlowStore> factory;

    public ApiHost(string postgres)
    {
        var port = FreePort.Next();
        factory = new WebApplicationFactory<FlowStore>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/");
            web.UseSetting("Auth:Username", Username);
            web.UseSetting("Auth:Password", Password);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
        });
        factory.UseKestrel(port);
        factory.StartServer();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
    }

    public HttpClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
    }
}
