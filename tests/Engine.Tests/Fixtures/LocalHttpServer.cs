using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Engine.Tests.Fixtures;

/// <summary>A Kestrel endpoint on a free port, for the http tasks to call.</summary>
public sealed class LocalHttpServer : IAsyncLifetime
{
    public const int BigFileBytes = 3 * 1024 * 1024 + 17;
    private WebApplication? app;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/hello", (HttpResponse response) =>
        {
            response.Headers["X-Kite"] = "yes";
            return Results.Text("hello from the server");
        });
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Json(new
            {
                method = request.Method,
                contentType = request.ContentType,
                body,
                query = request.QueryString.Value,
                authorization = request.Headers.Authorization.ToString(),
                custom = request.Headers["X-Custom"].ToString(),
            });
        });
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code}", statusCode: code));
        app.MapGet("/files/big.bin", () => Results.Bytes(Pattern(BigFileBytes), "application/octet-stream"));
        app.MapGet("/empty", () => Results.Ok());
        app.MapGet("/slow", async (CancellationToken cancelled) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancelled);
            return Results.Text("late");
        });
        app.MapGet("/redirect", () => Results.Redirect("/hello"));
        await app.StartAsync();
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>The bytes of the big file: a repeating pattern, so a test can check every byte arrived.</summary>
    public static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
