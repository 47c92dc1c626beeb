using System.Text.Json;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Executions;
using Kite.Data;
using Kite.Data.Purges;
using Kite.Data.Records;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kite.Api.Purges;

/// <summary>
/// Purges by query: the Api records the request as a <c>purges</c> row (CREATED) and sends <see cref="PurgeRequested"/>
/// to the purge queue; Purge.Service runs it in batches and adds each batch's counts to the row, which
/// <c>GET /purges/{id}</c> shows. The row, not the message, is the request: it survives restarts and carries progress.
/// </summary>
public static class PurgesApi
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPurgesApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var purges = api.MapGroup("/purges").WithTags("Purges");
        purges.MapPost("/executions", (HttpRequest request, KiteDbContext db, ISendEndpointProvider bus, TimeProvider clock, CancellationToken cancellationToken) =>
            StartAsync<ExecutionPurgeRequest>(ExecutionPurger.Kind, r => r.Violations(), request, db, bus, clock, cancellationToken));
        purges.MapPost("/logs", (HttpRequest request, KiteDbContext db, ISendEndpointProvider bus, TimeProvider clock, CancellationToken cancellationToken) =>
            StartAsync<LogPurgeRequest>(LogPurger.Kind, r => r.Violations(), request, db, bus, clock, cancellationToken));
        purges.MapGet("/{id}", Get);
    });

    public static async Task<Results<Ok<PurgeResponse>, ProblemHttpResult>> Get(string id, KiteDbContext db, CancellationToken cancellationToken) =>
        await db.Purges.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is { } purge
            ? TypedResults.Ok(PurgeResponse.Of(purge))
            : Problem.NotFound($"purge '{id}' does not exist");

    private static async Task<Results<Accepted<PurgeResponse>, ProblemHttpResult>> StartAsync<T>(
        string kind,
        Func<T, IReadOnlyList<string>> violations,
        HttpRequest request,
        KiteDbContext db,
        ISendEndpointProvider bus,
        TimeProvider clock,
        CancellationToken cancellationToken) where T : class
    {
        BodyText.RequireJson(request, "purge queries are");
        T? query;
        try
        {
            query = JsonSerializer.Deserialize<T>(await BodyText.ReadAsync(request, MaxBodyBytes, cancellationToken), JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return Problem.BadRequest("body", $"the body is not a purge query: {ex.Message}");
        }

        if (query is null)
        {
            return Problem.BadRequest("body", "the body is empty; send a JSON purge query with at least endDate");
        }

        if (violations(query) is { Count: > 0 } wrong)
        {
            return Problem.BadRequest("body", string.Join("; ", wrong));
        }

        var now = clock.GetUtcNow();
        var purge = new PurgeRecord
        {
            Id = ShortId.New(),
            Kind = kind,
            Request = JsonSerializer.Serialize(query),
            State = PurgeRuns.Created,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Purges.Add(purge);
        await db.SaveChangesAsync(cancellationToken);
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{Queues.Purge}"));
        try
        {
            await BusDeadline.WithinAsync(token => endpoint.Send(new PurgeRequested(purge.Id), token), cancellationToken);
        }
        catch (BrokerTimeoutException)
        {
            // Nothing half-written: the purge service skips a request whose row is gone, should the message arrive after all.
            db.Purges.Remove(purge);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        var path = request.Path.Value ?? "";
        var group = path[..path.LastIndexOf('/')];
        return TypedResults.Accepted($"{request.PathBase}{group}/{purge.Id}", PurgeResponse.Of(purge));
    }
}
