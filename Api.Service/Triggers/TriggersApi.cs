using Kite.Api.Flows;
using Kite.Api.Paging;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Data.Triggers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kite.Api.Triggers;

/// <summary>
/// Kestra's trigger routes: search and list, unlock, restart, enable/disable and backfills. The Api only edits the
/// <c>triggers</c> rows; the scheduler reads them on its next tick (a disabled row is not claimed, an unlocked one is).
/// A trigger disabled in its flow's YAML (or of a disabled flow) cannot be enabled here: the flow wins.
/// </summary>
public static class TriggersApi
{
    public static IEndpointRouteBuilder MapTriggersApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var triggers = api.MapGroup("/triggers").WithTags("Triggers");
        triggers.MapGet("/search", Search);
        triggers.MapGet("/{namespace}/{flowId}", ListOfFlow);
        triggers.MapPut("", Update).Accepts<TriggerUpdateBody>("application/json");
        triggers.MapPost("/{namespace}/{flowId}/{triggerId}/unlock", Unlock);
        triggers.MapPost("/{namespace}/{flowId}/{triggerId}/restart", Restart);
        triggers.MapPost("/set-disabled/by-triggers", SetDisabled).Accepts<SetDisabledBody>("application/json");
        triggers.MapPut("/backfill/pause", TriggerBackfills.Pause).Accepts<TriggerKeyBody>("application/json");
        triggers.MapPut("/backfill/unpause", TriggerBackfills.Unpause).Accepts<TriggerKeyBody>("application/json");
        triggers.MapPost("/backfill/delete", TriggerBackfills.Delete).Accepts<TriggerKeyBody>("application/json");
    });

    public static async Task<Ok<PagedResults<TriggerSearchResult>>> Search(HttpRequest request, TriggerStore triggers, CancellationToken cancellationToken)
    {
        var (page, total) = await triggers.SearchAsync(TriggerSearchQuery.Of(request.Query), cancellationToken);
        return TypedResults.Ok(new PagedResults<TriggerSearchResult>([.. page.Select(r => new TriggerSearchResult(r.Context, r.Definition))], total));
    }

    public static async Task<Results<Ok<PagedResults<TriggerBody>>, ProblemHttpResult>> ListOfFlow(
        string @namespace, string flowId, HttpRequest request, FlowStore flows, TriggerStore triggers, CancellationToken cancellationToken)
    {
        if (await flows.LatestAsync(@namespace, flowId, cancellationToken) is null or { Deleted: true })
        {
            return Problem.NotFound($"flow '{@namespace}.{flowId}' does not exist");
        }

        var (page, total) = await triggers.SearchAsync(TriggerSearchQuery.Of(request.Query, (@namespace, flowId)), cancellationToken);
        return TypedResults.Ok(new PagedResults<TriggerBody>([.. page.Select(r => r.Context)], total));
    }

    /// <summary>409 when the trigger is not locked, as Kestra answers.</summary>
    public static async Task<Results<Ok<TriggerBody>, ProblemHttpResult>> Unlock(
        string @namespace, string flowId, string triggerId, TriggerStore triggers, CancellationToken cancellationToken)
    {
        var key = new TriggerKey(@namespace, flowId, triggerId);
        var unlocked = await triggers.UnlockAsync(key, cancellationToken);
        return await triggers.GetAsync(key, cancellationToken) switch
        {
            null => NotFound(key),
            not null when !unlocked => Problem.Conflict($"trigger '{key}' is not locked: no execution or evaluation holds it"),
            { } row => TypedResults.Ok(row.Context),
        };
    }

    public static async Task<Results<Ok<TriggerBody>, ProblemHttpResult>> Restart(
        string @namespace, string flowId, string triggerId, TriggerStore triggers, CancellationToken cancellationToken)
    {
        var key = new TriggerKey(@namespace, flowId, triggerId);
        return await triggers.RestartAsync(key, cancellationToken) && await triggers.GetAsync(key, cancellationToken) is { } row
            ? TypedResults.Ok(row.Context)
            : NotFound(key);
    }

    /// <summary>
    /// Sets <c>disabled</c> (when given) and starts the <c>backfill</c> (when given and none is under way; the one under
    /// way, sent back as the routes answered it, is ignored). Everything is checked before anything changes.
    /// </summary>
    public static async Task<Results<Ok<TriggerBody>, ProblemHttpResult>> Update(
        HttpRequest request, TriggerStore triggers, BackfillStore backfills, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await TriggerRequests.ReadAsync<TriggerUpdateBody>(request, cancellationToken);
        var key = TriggerRequests.KeyOf(body.Namespace, body.FlowId, body.TriggerId);
        if (await triggers.GetAsync(key, cancellationToken) is not { } row)
        {
            return NotFound(key);
        }

        if (body.Disabled == false && row.Context.Disabled && row.DisabledInFlow)
        {
            return Problem.Conflict($"trigger '{key}' is disabled in its flow (the flow or the trigger says disabled: true); enable it there and save the flow");
        }

        if (body.Backfill is { } requested && !TriggerBackfills.IsCurrent(requested, row.Context.Backfill))
        {
            var started = await TriggerBackfills.StartAsync(key, row, requested, backfills, clock, cancellationToken);
            if (started is not null)
            {
                return started;
            }
        }

        if (body.Disabled is { } disabled && disabled != row.Context.Disabled)
        {
            await triggers.SetDisabledAsync(key, disabled, cancellationToken);
        }

        return await triggers.GetAsync(key, cancellationToken) is { } updated ? TypedResults.Ok(updated.Context) : NotFound(key);
    }

    /// <summary>Kestra's bulk disable/enable; answers how many triggers were set (unknown ones, and ones their flow disables when enabling, are skipped).</summary>
    public static async Task<Results<Ok<BulkResponse>, ProblemHttpResult>> SetDisabled(HttpRequest request, TriggerStore triggers, CancellationToken cancellationToken)
    {
        var body = await TriggerRequests.ReadAsync<SetDisabledBody>(request, cancellationToken);
        if (body.Triggers is null)
        {
            return Problem.Unprocessable("triggers", "'triggers' is required: the list of triggers to set");
        }

        if (body.Disabled is not { } disabled)
        {
            return Problem.Unprocessable("disabled", "'disabled' is required: true to disable the triggers, false to enable them");
        }

        var keys = body.Triggers.Select((t, i) => TriggerRequests.KeyOf(t, $"triggers[{i}].")).ToList();
        var count = 0;
        foreach (var key in keys)
        {
            if (await triggers.GetAsync(key, cancellationToken) is { } row && (disabled || !row.Context.Disabled || !row.DisabledInFlow)
                && await triggers.SetDisabledAsync(key, disabled, cancellationToken))
            {
                count++;
            }
        }

        return TypedResults.Ok(new BulkResponse(count));
    }

    internal static ProblemHttpResult NotFound(TriggerKey key) => Problem.NotFound($"trigger '{key}' does not exist");
}
