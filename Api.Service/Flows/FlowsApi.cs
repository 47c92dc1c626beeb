using System.Text.Json;
using System.Text.Json.Nodes;
using Kite.Api.Paging;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Flows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kite.Api.Flows;

/// <summary>Kestra's flow routes: create, update, get, delete (soft), revisions, search, list, validate, enable and disable.</summary>
public static class FlowsApi
{
    private const string Yaml = "application/x-yaml";
    private static readonly string[] AlsoYaml = ["application/yaml", "text/yaml", "text/plain"];

    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var flows = api.MapGroup("/flows").WithTags("Flows");
        flows.MapPost("/", Create).Accepts<string>(Yaml, AlsoYaml);
        flows.MapPost("/validate", Validate).Accepts<string>(Yaml, AlsoYaml);
        flows.MapGet("/search", Search);
        flows.MapPost("/enable/by-ids", (HttpRequest request, FlowStore store, FlowWriter writer, IOptions<ApiOptions> options, CancellationToken ct) =>
            SetDisabled(request, store, writer, options, false, ct));
        flows.MapPost("/disable/by-ids", (HttpRequest request, FlowStore store, FlowWriter writer, IOptions<ApiOptions> options, CancellationToken ct) =>
            SetDisabled(request, store, writer, options, true, ct));
        flows.MapGet("/{namespace}", ListNamespace);
        flows.MapGet("/{namespace}/{id}", Get);
        flows.MapPut("/{namespace}/{id}", Update).Accepts<string>(Yaml, AlsoYaml);
        flows.MapDelete("/{namespace}/{id}", Delete);
        flows.MapGet("/{namespace}/{id}/revisions", Revisions);
    });

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Create(
        HttpRequest request, FlowStore store, FlowWriter writer, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var (source, document) = await ReadFlowAsync(request, options.Value, cancellationToken);
        if (document.Flow is not { } flow || !document.IsValid)
        {
            return Problem.InvalidFlow(document.Violations);
        }

        var latest = await store.LatestAsync(flow.Namespace, flow.Id, cancellationToken);
        if (latest is { Deleted: false })
        {
            return Problem.Conflict($"flow '{flow.Namespace}.{flow.Id}' already exists; update it with PUT /api/v1/flows/{flow.Namespace}/{flow.Id}");
        }

        return await AppendAsync(writer, source, flow, (latest?.Revision ?? 0) + 1, deleted: false, cancellationToken);
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Update(
        string @namespace, string id, HttpRequest request, FlowStore store, FlowWriter writer, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var (source, document) = await ReadFlowAsync(request, options.Value, cancellationToken);
        if (document.Flow is not { } flow || !document.IsValid)
        {
            return Problem.InvalidFlow(document.Violations);
        }

        if (flow.Namespace != @namespace || flow.Id != id)
        {
            var field = flow.Namespace != @namespace ? "namespace" : "id";
            return Problem.Unprocessable(field, $"the YAML's {field} '{(field == "id" ? flow.Id : flow.Namespace)}' (line {flow.Location.Line}) differs from the path's; a flow's namespace and id cannot change");
        }

        var latest = await store.LatestAsync(@namespace, id, cancellationToken);
        if (latest is null or { Deleted: true })
        {
            return Problem.NotFound($"flow '{@namespace}.{id}' does not exist; create it with POST /api/v1/flows");
        }

        return latest.Source == source
            ? TypedResults.Ok(FlowJson.Response(latest, withSource: true))
            : await AppendAsync(writer, source, flow, latest.Revision + 1, deleted: false, cancellationToken);
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Get(
        string @namespace, string id, HttpRequest request, FlowStore store, CancellationToken cancellationToken)
    {
        var source = QueryValues.Bool(request.Query, "source");
        var allowDeleted = QueryValues.Bool(request.Query, "allowDeleted");
        var flow = QueryValues.Number(request.Query, "revision") is { } revision
            ? await store.RevisionAsync(@namespace, id, revision, cancellationToken)
            : await store.LatestAsync(@namespace, id, cancellationToken);
        if (flow is null || flow.Deleted && !allowDeleted)
        {
            return Problem.NotFound($"flow '{@namespace}.{id}' does not exist");
        }

        return TypedResults.Ok(FlowJson.Response(flow, source));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string @namespace, string id, FlowStore store, FlowWriter writer, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(@namespace, id, cancellationToken);
        if (latest is null or { Deleted: true })
        {
            return Problem.NotFound($"flow '{@namespace}.{id}' does not exist");
        }

        var flow = FlowReader.ReadOne(latest.Source).Flow ?? new Flow { Namespace = @namespace, Id = id };
        var deleted = await writer.AppendAsync(latest.Source, flow, latest.Revision + 1, deleted: true, cancellationToken);
        return deleted is null ? Problem.Conflict($"flow '{@namespace}.{id}' was changed meanwhile; try again") : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<JsonObject>>, ProblemHttpResult>> Revisions(
        string @namespace, string id, FlowStore store, CancellationToken cancellationToken)
    {
        var revisions = await store.RevisionsAsync(@namespace, id, cancellationToken);
        return revisions.Count == 0
            ? Problem.NotFound($"flow '{@namespace}.{id}' does not exist")
            : TypedResults.Ok(revisions.Select(r => FlowJson.Response(r, withSource: true)).ToList());
    }

    public static async Task<Ok<PagedResults<JsonObject>>> Search(HttpRequest request, FlowStore store, CancellationToken cancellationToken)
    {
        var (page, total) = await store.SearchAsync(FlowSearchQuery.From(request.Query), cancellationToken);
        return TypedResults.Ok(new PagedResults<JsonObject>([.. page.Select(f => FlowJson.Response(f, withSource: false))], total));
    }

    public static async Task<Ok<List<JsonObject>>> ListNamespace(string @namespace, FlowStore store, CancellationToken cancellationToken)
    {
        var flows = await store.InNamespaceAsync(@namespace, cancellationToken);
        return TypedResults.Ok(flows.Select(f => FlowJson.Response(f, withSource: false)).ToList());
    }

    public static async Task<Ok<List<FlowValidationResult>>> Validate(HttpRequest request, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        BodyText.RequireYaml(request);
        var source = await BodyText.ReadAsync(request, options.Value.MaxFlowBytes, cancellationToken);
        var results = FlowReader.Read(source).Select((document, index) => new FlowValidationResult(
            index,
            document.Flow?.Namespace,
            document.Flow?.Id,
            document.IsValid,
            [.. document.Violations.Select(ViolationBody.Of)],
            document.Violations.Count == 0 ? null : string.Join("\n", document.Violations.Select(v => v.ToString()))));
        return TypedResults.Ok(results.ToList());
    }

    public static async Task<Results<Ok<BulkResponse>, ProblemHttpResult>> SetDisabled(
        HttpRequest request, FlowStore store, FlowWriter writer, IOptions<ApiOptions> options, bool disabled, CancellationToken cancellationToken)
    {
        var keys = await ReadKeysAsync(request, options.Value, cancellationToken);
        var changed = 0;
        foreach (var key in keys)
        {
            var latest = await store.LatestAsync(key.Namespace, key.Id, cancellationToken);
            if (latest is null or { Deleted: true })
            {
                return Problem.NotFound($"flow '{key.Namespace}.{key.Id}' does not exist");
            }

            if (FlowJson.IsDisabled(latest) == disabled)
            {
                continue;
            }

            var source = FlowSource.WithDisabled(latest.Source, disabled);
            if (FlowReader.ReadOne(source) is not { Flow: { } flow } || await writer.AppendAsync(source, flow, latest.Revision + 1, false, cancellationToken) is null)
            {
                return Problem.Conflict($"flow '{key.Namespace}.{key.Id}' could not be {(disabled ? "disabled" : "enabled")}; try again");
            }

            changed++;
        }

        return TypedResults.Ok(new BulkResponse(changed));
    }

    private static async Task<(string Source, FlowDocument Document)> ReadFlowAsync(HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        BodyText.RequireYaml(request);
        var source = await BodyText.ReadAsync(request, options.MaxFlowBytes, cancellationToken);
        return (source, FlowReader.ReadOne(source));
    }

    private static async Task<List<FlowKey>> ReadKeysAsync(HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        BodyText.RequireJson(request, "flows are");
        var text = await BodyText.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        try
        {
            var keys = JsonSerializer.Deserialize<List<FlowKey>>(text, JsonSerializerOptions.Web);
            if (keys is null || keys.Any(k => string.IsNullOrEmpty(k?.Namespace) || string.IsNullOrEmpty(k.Id)))
            {
                throw ApiProblemException.BadRequest("body", "expected a JSON list of {\"namespace\": ..., \"id\": ...}, each with both fields");
            }

            return keys;
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest("body", $"the body is not a JSON list of flows: {e.Message}");
        }
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> AppendAsync(
        FlowWriter writer, string source, Flow flow, int revision, bool deleted, CancellationToken cancellationToken)
    {
        var stored = await writer.AppendAsync(source, flow, revision, deleted, cancellationToken);
        return stored is null
            ? Problem.Conflict($"flow '{flow.Namespace}.{flow.Id}' was saved by someone else meanwhile; reload it and try again")
            : TypedResults.Ok(FlowJson.Response(stored, withSource: true));
    }
}
