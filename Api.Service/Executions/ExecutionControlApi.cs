using System.Text.Json;
using Kite.Api.Flows;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Values;
using Kite.Data.Storage;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using Kite.ServiceDefaults.Secrets;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using State = Kite.Core.Executions.State;

namespace Kite.Api.Executions;

/// <summary>
/// Kestra's routes that act on a running or ended execution: kill, restart, resume, replay and labels. Only the
/// executor changes an execution, so these check what can be checked here (404, 409, 422) and send it a command;
/// a replay is a new execution, which the Api creates like any other. A command the broker does not confirm in time
/// answers 503: nothing was changed, and every command can be sent again.
/// </summary>
public static class ExecutionControlApi
{
    public static IEndpointRouteBuilder MapExecutionControlApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var executions = api.MapGroup("/executions").WithTags("Executions");
        executions.MapDelete("/{id}/kill", Kill);
        executions.MapPost("/{id}/restart", Restart);
        executions.MapPost("/{id}/resume", Resume).Accepts<Dictionary<string, object>>("multipart/form-data", "application/json");
        executions.MapPost("/{id}/replay", Replay);
        executions.MapPost("/{id}/labels", Labels);
    });

    public static async Task<Results<Accepted, ProblemHttpResult>> Kill(string id, ExecutionStore executions, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(id, cancellationToken);
        if (execution is null)
        {
            return Problem.NotFound($"execution '{id}' does not exist");
        }

        if (StateExtensions.ParseKestraName(execution.State.Current).IsTerminated())
        {
            return Problem.Conflict($"execution '{id}' already ended {execution.State.Current}");
        }

        await BusDeadline.WithinAsync(token => bus.Publish(new KillExecution(id), token), cancellationToken);
        return TypedResults.Accepted($"/api/v1/executions/{id}");
    }

    public static async Task<Results<Accepted<ExecutionResponse>, ProblemHttpResult>> Restart(string id, ExecutionStore executions, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(id, cancellationToken);
        if (execution is null)
        {
            return Problem.NotFound($"execution '{id}' does not exist");
        }

        if (StateExtensions.ParseKestraName(execution.State.Current) is not (State.Failed or State.Killed or State.Paused))
        {
            return Problem.Conflict($"execution '{id}' is {execution.State.Current}; only a FAILED, KILLED or PAUSED execution can be restarted");
        }

        await BusDeadline.WithinAsync(token => bus.Publish(new RestartExecution(id), token), cancellationToken);
        return TypedResults.Accepted($"/api/v1/executions/{id}", execution);
    }

    /// <summary>Resumes a paused execution; the inputs are checked against the paused task's <c>onResume</c> definitions first.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Resume(
        string id,
        HttpRequest request,
        ExecutionReplays reader,
        FlowStore flows,
        IPublishEndpoint bus,
        IInternalStorage storage,
        IOptions<ApiOptions> options,
        InputEncryption encryption,
        CancellationToken cancellationToken)
    {
        var execution = await reader.ReadAsync(id, cancellationToken);
        if (execution is null)
        {
            return Problem.NotFound($"execution '{id}' does not exist");
        }

        if (execution.State != State.Paused)
        {
            return Problem.Conflict($"execution '{id}' is {execution.State.ToKestraName()}, not PAUSED");
        }

        var flow = await ReadFlowAsync(flows, execution.Namespace, execution.FlowId, execution.FlowRevision, cancellationToken);
        var definitions = execution.TaskRuns.Where(r => r.State == State.Paused)
            .Select(r => flow?.FindTask(r.TaskId)).OfType<Pause>().SelectMany(p => p.OnResume ?? []).ToList();
        var files = new InputFiles(storage, new ExecutionFiles(execution.Namespace, execution.FlowId, id), definitions);
        try
        {
            var submitted = await SubmittedInputs.ReadAsync(request, options.Value, files, cancellationToken);
            var inputs = definitions.Count == 0 ? ExecutionInputs.AsGiven(submitted) : ExecutionInputs.Resolve(definitions, submitted, encryption.Cipher);
            if (!inputs.IsValid)
            {
                await files.DiscardAsync();
                return Problem.InvalidInputs(inputs.Errors.Select(e => (e.InputId, e.Message)));
            }

            await BusDeadline.WithinAsync(token => bus.Publish(new ResumeExecution(id, PlainJson.Write(inputs.Values)), token), cancellationToken);
            return TypedResults.NoContent();
        }
        catch when (files.Any)
        {
            // Not resumed, so nothing refers to what was uploaded.
            await files.DiscardAsync();
            throw;
        }
    }

    /// <summary>A new execution from the original, from the start or from <c>taskRunId</c>, on the original's or the given flow revision.</summary>
    public static async Task<Results<Ok<ExecutionResponse>, ProblemHttpResult>> Replay(
        string id, string? taskRunId, HttpRequest request, ExecutionReplays replays, ExecutionStore executions, FlowStore flows, ExecutionLauncher launcher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var revision = QueryValues.Number(request.Query, "revision");
        var original = await replays.ReadAsync(id, cancellationToken);
        if (original is null)
        {
            return Problem.NotFound($"execution '{id}' does not exist");
        }

        if (!original.State.IsTerminated())
        {
            return Problem.Conflict($"execution '{id}' is {original.State.ToKestraName()}; only an ended execution can be replayed");
        }

        if (taskRunId is not null && original.FindTaskRun(taskRunId) is null)
        {
            return Problem.Unprocessable("taskRunId", $"execution '{id}' has no task run '{taskRunId}'");
        }

        var flowRevision = revision ?? original.FlowRevision;
        if (await ReadFlowAsync(flows, original.Namespace, original.FlowId, flowRevision, cancellationToken) is null)
        {
            return Problem.Unprocessable("revision", $"flow '{original.Namespace}.{original.FlowId}' has no readable revision {flowRevision}");
        }

        var replay = ExecutionReplay.From(original, taskRunId, flowRevision, ExecutionIds.New(), ShortId.New, clock.GetUtcNow());
        await replays.InsertAsync(replay, cancellationToken);
        await launcher.AnnounceAsync(replay.Id, cancellationToken);
        var created = await executions.GetAsync(replay.Id, cancellationToken);
        return created is null ? Problem.NotFound($"execution '{replay.Id}' was deleted as soon as it was created") : TypedResults.Ok(created);
    }

    /// <summary>Sets the labels (Kestra's body: a list of <c>{key, value}</c>); the executor applies them.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> Labels(
        string id, HttpRequest request, ExecutionStore executions, IPublishEndpoint bus, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        BodyText.RequireJson(request, "labels are");
        List<LabelBody>? labels;
        try
        {
            labels = JsonSerializer.Deserialize<List<LabelBody>>(await BodyText.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken), JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return Problem.BadRequest("labels", $"the body must be a JSON list of {{\"key\", \"value\"}}: {ex.Message}");
        }

        if (labels is null || labels.Exists(l => string.IsNullOrWhiteSpace(l?.Key) || l.Value is null))
        {
            return Problem.BadRequest("labels", "every label needs a non-empty key and a value");
        }

        if (labels.Exists(l => l.Key.Contains('\0') || l.Value.Contains('\0')))
        {
            return Problem.BadRequest("labels", "a label holds a NUL character (U+0000), which cannot be stored");
        }

        if (labels.Exists(l => l.Key.StartsWith("system.", StringComparison.Ordinal)))
        {
            return Problem.BadRequest("labels", "labels starting with 'system.' are set by Kite and cannot be changed");
        }

        if (await executions.GetAsync(id, cancellationToken) is null)
        {
            return Problem.NotFound($"execution '{id}' does not exist");
        }

        var map = labels.GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        await BusDeadline.WithinAsync(token => bus.Publish(new ChangeExecutionLabels(id, JsonSerializer.Serialize(map)), token), cancellationToken);
        return TypedResults.Accepted($"/api/v1/executions/{id}");
    }

    private static async Task<Flow?> ReadFlowAsync(FlowStore flows, string @namespace, string id, int revision, CancellationToken cancellationToken) =>
        await flows.RevisionAsync(@namespace, id, revision, cancellationToken) is { } stored ? FlowReader.ReadOne(stored.Source).Flow : null;
}
