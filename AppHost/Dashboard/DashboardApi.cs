using System.Text.Json;
using Kite.AppHost.Orchestration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kite.AppHost.Dashboard;

/// <summary>
/// The dashboard: a page listing every resource replica, its live console log, and stop / start / restart,
/// over a JSON API that tests and scripts use too.
/// </summary>
public static class DashboardApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Page);
        app.MapGet("/api/info", (AppHostSettings settings, ApiCredentials credentials) => TypedResults.Ok(new
        {
            api = $"http://localhost:{settings.ApiPort}",
            username = credentials.Username,
            password = credentials.Password,
        }));
        var api = app.MapGroup("/api/resources");
        api.MapGet("/", ListResources);
        api.MapGet("/{id}/logs", FollowLogs);
        api.MapPost("/{id}/{command}", RunCommand);
        return app;
    }

    private static IResult Page()
    {
        var stream = typeof(DashboardApi).Assembly.GetManifestResourceStream("dashboard.html")!;
        return Results.Stream(stream, "text/html; charset=utf-8");
    }

    private static Ok<List<ResourceRow>> ListResources(Orchestrator orchestrator, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok(orchestrator.Replicas.Select(r => ResourceRow.From(r, now)).ToList());
    }

    /// <summary>Server-Sent Events: the buffered lines, then each new line as it is written. <c>?follow=false</c> returns plain text.</summary>
    private static async Task<IResult> FollowLogs(string id, bool? follow, Orchestrator orchestrator, HttpContext context)
    {
        if (orchestrator.Find(id) is not { } replica)
        {
            return TypedResults.NotFound($"No resource '{id}'.");
        }

        if (follow == false)
        {
            return TypedResults.Text(string.Join('\n', replica.Log.Snapshot().Select(l => l.Text)), "text/plain");
        }

        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var line in replica.Log.FollowAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(line, Json)}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }

        return Results.Empty;
    }

    private static async Task<Results<Accepted, NotFound<string>, BadRequest<string>>> RunCommand(
        string id, string command, Orchestrator orchestrator, AppHostSettings settings)
    {
        if (orchestrator.Find(id) is not { } replica)
        {
            return TypedResults.NotFound($"No resource '{id}'.");
        }

        switch (command.ToLowerInvariant())
        {
            case "stop":
                await replica.StopAsync(settings.ServiceStopGrace);
                break;
            case "start":
                replica.Start();
                break;
            case "restart":
                await replica.RestartAsync(settings.ServiceStopGrace);
                break;
            default:
                return TypedResults.BadRequest($"Unknown command '{command}': use start, stop or restart.");
        }

        return TypedResults.Accepted((string?)null);
    }
}
