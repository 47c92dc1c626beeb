using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kite.Integration.Tests.Fixtures;

/// <summary>A service host wired exactly as the five services wire theirs, on a free loopback port.</summary>
public sealed class TestService(WebApplication app) : IAsyncDisposable
{
    public WebApplication App => app;
    public HttpClient Http { get; } = new() { BaseAddress = new Uri(BaseAddress(app)) };

    public static WebApplication Build(
        string postgres,
        string rabbitmq,
        string serviceName = "test-service",
        Action<IBusRegistrationConfigurator>? bus = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = postgres,
            ["ConnectionStrings:rabbitmq"] = rabbitmq,
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["Kite:ServiceInstance:HeartbeatInterval"] = "00:00:00.200",
            ["Kite:Database:StartupTimeoutSeconds"] = "5",
        });
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        builder.AddKiteDatabase();
        builder.AddKiteBus(bus);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }

    public static async Task<TestService> StartAsync(string postgres, string rabbitmq, string serviceName = "test-service", Action<IBusRegistrationConfigurator>? bus = null)
    {
        var app = Build(postgres, rabbitmq, serviceName, bus);
        await app.StartAsync();
        return new TestService(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string BaseAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
