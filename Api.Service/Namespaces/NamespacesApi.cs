using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Kite.Api.Paging;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Core.Validation;
using Kite.Data.KeyValue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kite.Api.Namespaces;

/// <summary>Kestra's namespace routes: search, get, and each namespace's key-value store.</summary>
public static partial class NamespacesApi
{
    public static IEndpointRouteBuilder MapNamespacesApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var namespaces = api.MapGroup("/namespaces").WithTags("Namespaces");
        namespaces.MapGet("/search", Search);
        namespaces.MapGet("/{id}", Get);
        namespaces.MapGet("/{namespace}/kv", ListKeys);
        namespaces.MapGet("/{namespace}/kv/{key}", GetKey);
        namespaces.MapPut("/{namespace}/kv/{key}", PutKey);
        namespaces.MapDelete("/{namespace}/kv/{key}", DeleteKey);
    });

    public static async Task<Ok<PagedResults<NamespaceBody>>> Search(HttpRequest request, NamespaceStore namespaces, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(request.Query);
        var q = request.Query["q"].ToString();
        var matching = (await namespaces.AllAsync(cancellationToken)).Where(n => n.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = matching.Skip(page.Offset).Take(page.Size).Select(n => new NamespaceBody(n)).ToList();
        return TypedResults.Ok(new PagedResults<NamespaceBody>(results, matching.Count));
    }

    public static async Task<Results<Ok<NamespaceBody>, ProblemHttpResult>> Get(string id, NamespaceStore namespaces, CancellationToken cancellationToken) =>
        (await namespaces.AllAsync(cancellationToken)).Contains(id)
            ? TypedResults.Ok(new NamespaceBody(id))
            : Problem.NotFound($"namespace '{id}' does not exist");

    public static async Task<Ok<List<KeyValueSummary>>> ListKeys(string @namespace, KeyValueStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(@namespace, cancellationToken))
            .Select(e => new KeyValueSummary(e.Key, e.Description, e.CreatedAt, e.UpdatedAt, e.ExpirationDate)).ToList());

    public static async Task<Results<Ok<KeyValueBody>, ProblemHttpResult>> GetKey(string @namespace, string key, KeyValueStore store, CancellationToken cancellationToken)
    {
        CheckKey(key);
        return await store.GetAsync(@namespace, key, cancellationToken) is { } entry
            ? TypedResults.Ok(new KeyValueBody(entry.Type, JsonNode.Parse(entry.Value)))
            : Problem.NotFound($"key '{key}' does not exist in namespace '{@namespace}'");
    }

    /// <summary>
    /// The body is the value: JSON when it reads as JSON (<c>42</c>, <c>true</c>, <c>{"a":1}</c>, <c>"text"</c>), else
    /// plain text; its type is inferred as Kestra does. The <c>ttl</c> header (ISO-8601 duration) sets an expiry.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> PutKey(
        string @namespace, string key, HttpRequest request, KeyValueStore store, TimeProvider clock, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        CheckNamespace(@namespace);
        CheckKey(key);
        var text = await BodyText.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        var value = Value(text);
        var expiration = request.Headers["ttl"].ToString() is { Length: > 0 } ttl ? Expiration(clock.GetUtcNow(), ttl) : (DateTimeOffset?)null;
        var json = value?.ToJsonString() ?? "null";
        await store.SetAsync(@namespace, key, json, KeyValueTypes.Infer(value), expiration, request.Headers["description"].ToString() is { Length: > 0 } d ? d : null, overwrite: true, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteKey(string @namespace, string key, KeyValueStore store, CancellationToken cancellationToken)
    {
        CheckKey(key);
        return await store.DeleteAsync(@namespace, key, cancellationToken)
            ? TypedResults.NoContent()
            : Problem.NotFound($"key '{key}' does not exist in namespace '{@namespace}'");
    }

    private static JsonNode? Value(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static DateTimeOffset Expiration(DateTimeOffset now, string text)
    {
        try
        {
            var ttl = XmlConvert.ToTimeSpan(text);
            return ttl > TimeSpan.Zero ? now + ttl : throw ApiProblemException.BadRequest("ttl", $"ttl must be a positive duration, not '{text}'");
        }
        catch (FormatException)
        {
            throw ApiProblemException.BadRequest("ttl", $"ttl must be an ISO-8601 duration such as PT1H, not '{text}'");
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw ApiProblemException.BadRequest("ttl", $"ttl '{text}' would expire after the year 9999; give a shorter duration");
        }
    }

    /// <summary>A key is written only under a namespace a flow could have, so no stray name appears among the namespaces.</summary>
    private static void CheckNamespace(string @namespace)
    {
        if (IdPatterns.Check(IdKind.Namespace, @namespace) is { } problem)
        {
            throw ApiProblemException.BadRequest("namespace", problem);
        }
    }

    private static void CheckKey(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw ApiProblemException.BadRequest("key", $"'{key}' is not a key: letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$")]
    private static partial Regex KeyPattern();
}
