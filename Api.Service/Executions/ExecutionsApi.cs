using System.Text.Json;
using Kite.Api.Flows;
using Kite.Api.Paging;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Data.Storage;
using Kite.Messaging.Contracts;
using Kite.ServiceDefaults.Secrets;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kite.Api.Executions;

/// <summary>Kestra's execution routes: create (optionally waiting for the end), get, search, soft delete and follow (SSE).</summary>
public static class ExecutionsApi
{
    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var executions = api.MapGroup("/executions").WithTags("Executions");
        executions.MapGet("/search", Search);
        executions.MapGet("/", Search);
        executions.MapPost("/{namespace}/{flowId}", Create).Accepts<Dictionary<string, object>>("multipart/form-data", "application/json");
        executions.MapGet("/{id}", Get);
        executions.MapGet("/{id}/follow", ExecutionEvents.Follow);
        executions.MapDelete("/{id}", Delete);
    });

    public static async Task<Results<Ok<ExecutionResponse>, ProblemHttpResult>> Create(
        string @namespace,
        string flowId,
        HttpRequest request,
        FlowStore flows,
        ParsedFlows parsed,
        ExecutionLauncher launcher,
        ExecutionStore executions,
        IInternalStorage storage,
        IOptions<ApiOptions> options,
        InputEncryption encryption,
        CancellationToken cancellationToken)
    {
        var wait = QueryValues.Bool(request.Query, "wait");

        var stored = QueryValues.Number(request.Query, "revision") is { } revision
            ? await flows.RevisionAsync(@namespace, flowId, revision, cancellationToken)
            : await flows.LatestAsync(@namespace, flowId, cancellationToken);
        if (stored is null or { Deleted: true })
        {
            return Problem.NotFound($"flow '{@namespace}.{flowId}' does not exist");
        }

        if (parsed.Read(stored).Flow is not { } flow)
        {
            return Problem.Unprocessable("flow", $"flow '{@namespace}.{flowId}' revision {stored.Revision} no longer reads; save it again");
        }

        if (flow.Disabled)
        {
            return Problem.Conflict($"flow '{@namespace}.{flowId}' is disabled; enable it to run it");
        }

        var labels = ExecutionLabels.Merge(flow.Labels, request.Query["labels"]);
        var scheduleDate = QueryValues.Date(request.Query, "scheduleDate");
        var files = new InputFiles(storage, new ExecutionFiles(@namespace, flowId, ExecutionIds.New()), flow.Inputs);
        try
        {
            var submitted = await SubmittedInputs.ReadAsync(request, options.Value, files, cancellationToken);
            var inputs = ExecutionInputs.Resolve(flow.Inputs, submitted, encryption.Cipher);
            if (!inputs.IsValid)
            {
                await files.DiscardAsync();
                return Problem.InvalidInputs(inputs.Errors.Select(e => (e.InputId, e.Message)));
            }

            var execution = launcher.Prepare(@namespace, flowId, stored.Revision, inputs.Values, labels, scheduleDate, id: files.ExecutionId);
            var created = await launcher.LaunchAsync(execution, wait, cancellationToken);
            return created is null
                ? Problem.NotFound($"execution '{execution.Id}' was deleted before it could be answered")
                : TypedResults.Ok(created);
        }
        catch when (files.Any)
        {
            // Uploads belong to the execution once its row exists (a wait cut short must not take its files away).
            if (await executions.StateAsync(files.ExecutionId, CancellationToken.None) is null)
            {
                await files.DiscardAsync();
            }

            throw;
        }
    }

    public static async Task<Results<Ok<ExecutionResponse>, ProblemHttpResult>> Get(string id, ExecutionStore executions, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(id, cancellationToken);
        return execution is null ? Problem.NotFound($"execution '{id}' does not exist") : TypedResults.Ok(execution);
    }

    public static async Task<Ok<PagedResults<ExecutionResponse>>> Search(
        HttpRequest request, ExecutionStore executions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (page, total) = await executions.SearchAsync(ExecutionSearchQuery.From(request.Query, clock), cancellationToken);
        return TypedResults.Ok(new PagedResults<ExecutionResponse>(page, total));
    }

    /// <summary>A soft delete; only a terminated execution, since a running one still belongs to the executor.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ExecutionStore executions, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(id, cancellationToken);
        if (execution is null)
        {
            return Problem.NotFound($"execution '{id}' does not exist");
        }

        if (!StateExtensions.ParseKestraName(execution.State.Current).IsTerminated())
        {
            return Problem.Conflict($"execution '{id}' is {execution.State.Current}; kill it before deleting it");
        }

        return await executions.SoftDeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problem.NotFound($"execution '{id}' does not exist");
    }
}
