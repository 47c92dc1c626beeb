using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Flows;
using Kite.Hosting.Processes;
using Kite.Purge.Bench;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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
            // UseKestrel(port) alone left Kestrel on its default :5000, which another engineer's Api may hold.
            web.UseUrls($"http://127.0.0.1:{port}");
            web.UseContentRoot(Path.Combine(RepositoryRoot.Find(), "Api.Service"));
            web.UseSetting("ConnectionStrings:postgres", postgres);
            web.UseSetting("ConnectionStrings:rabbitmq", $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/");
            web.UseSetting("Auth:Username", Username);
            web.UseSetting("Auth:Password", Password);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:MassTransit", "None");
        });
        factory.UseKestrel();
        factory.StartServer();
        Client = factory.CreateClient();
        Address = string.Join(", ", factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        Client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
    }

    public HttpClient Client { get; }

    /// <summary>Where Kestrel listens, for the report: proof that requests cross a socket.</summary>
    public string Address { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
    }
}
