using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Npgsql;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// SQL metacharacters, LIKE wildcards, NUL characters, 100 KB strings and undecodable percent-escapes in every filter of
/// the searches and in every path parameter: each answers no rows, 404 or a 400 naming the parameter, never a 500, and
/// the database holds afterwards exactly what it held before.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SqlMetacharacterTests(ApiFixture api)
{
    /// <summary>Each search and its filters; <c>{v}</c> is where the hostile value goes.</summary>
    private static readonly (string Path, string[] Filters)[] Searches =
    [
        ("/api/v1/executions/search",
        [
            "q={v}", "namespace={v}", "flowId={v}", "labels={v}", "labels=team:{v}", "labels={v}:data", "state={v}", "startDate={v}", "endDate={v}",
            "timeRange={v}", "sort={v}", "page={v}", "size={v}", "includeDeleted={v}", "filters[q][EQUALS]={v}", "filters[namespace][EQUALS]={v}",
            "filters[namespace][PREFIX]={v}", "filters[flowId][EQUALS]={v}", "filters[flowId][CONTAINS]={v}", "filters[flowId][STARTS_WITH]={v}",
            "filters[flowId][ENDS_WITH]={v}", "filters[flowId][REGEX]={v}", "filters[flowId][IN]={v}", "filters[executionId][EQUALS]={v}",
            "filters[state][IN]={v}", "filters[labels][EQUALS][team]={v}", "filters[labels][EQUALS][{v}]=data", "filters[startDate][GREATER_THAN]={v}",
        ]),
        ("/api/v1/main/flows/search",
        [
            "q={v}", "namespace={v}", "flowId={v}", "labels={v}", "labels=team:{v}", "sort={v}", "page={v}", "filters[namespace][EQUALS]={v}",
            "filters[flowId][CONTAINS]={v}", "filters[flowId][REGEX]={v}", "filters[labels][EQUALS][team]={v}", "filters[labels][EQUALS][{v}]=data",
        ]),
        ("/api/v1/logs/search",
        [
            "q={v}", "namespace={v}", "flowId={v}", "minLevel={v}", "startDate={v}", "sort={v}", "filters[executionId][EQUALS]={v}",
            "filters[triggerId][CONTAINS]={v}", "filters[level][EQUALS]={v}", "filters[flowId][REGEX]={v}", "filters[namespace][IN]={v}",
        ]),
        ("/api/v1/triggers/search",
        [
            "q={v}", "namespace={v}", "flowId={v}", "sort={v}", "filters[triggerId][EQUALS]={v}", "filters[flowId][ENDS_WITH]={v}", "filters[flowId][REGEX]={v}",
        ]),
    ];

    /// <summary>Every route with a path parameter (and the query values that name a stored row); <c>{v}</c> is the hostile value.</summary>
    private static readonly (string Method, string Path)[] PathRoutes =
    [
        ("GET", "/api/v1/executions/{v}"), ("DELETE", "/api/v1/executions/{v}"), ("GET", "/api/v1/executions/{v}/follow"),
        ("DELETE", "/api/v1/executions/{v}/kill"), ("POST", "/api/v1/executions/{v}/restart"), ("POST", "/api/v1/executions/{v}/replay"),
        ("POST", "/api/v1/executions/{v}/resume"), ("POST", "/api/v1/executions/{v}/labels"),
        ("GET", "/api/v1/executions/{v}/file?path=kestra:///a/f/executions/x/f.txt"), ("GET", "/api/v1/executions/{v}/file/metas?path=kestra:///a/f/executions/x/f.txt"),
        ("GET", "/api/v1/executions/{v}/file/preview?path=kestra:///a/f/executions/x/f.txt"), ("GET", "/api/v1/executions/{id}/file?path={v}"),
        ("POST", "/api/v1/executions/{v}/{v}"), ("POST", "/api/v1/main/executions/{ns}/{v}"),
        ("GET", "/api/v1/flows/{v}"), ("GET", "/api/v1/flows/{v}/{v}"), ("GET", "/api/v1/flows/{ns}/{v}"), ("GET", "/api/v1/flows/{v}/{v}/revisions"),
        ("DELETE", "/api/v1/flows/{v}/{v}"), ("DELETE", "/api/v1/main/flows/{ns}/{v}"), ("PUT", "/api/v1/flows/{v}/{v}"),
        ("GET", "/api/v1/logs/{v}"), ("GET", "/api/v1/logs/{v}/download"), ("GET", "/api/v1/logs/{v}/follow"), ("DELETE", "/api/v1/logs/{v}"),
        ("DELETE", "/api/v1/logs/{v}/{v}"), ("DELETE", "/api/v1/main/logs/{ns}/{v}"), ("GET", "/api/v1/logs/{id}?taskId={v}"),
        ("GET", "/api/v1/logs/{id}?taskRunId={v}"), ("GET", "/api/v1/logs/{id}/download?minLevel={v}"),
        ("GET", "/api/v1/namespaces/{v}"), ("GET", "/api/v1/namespaces/{v}/kv"), ("GET", "/api/v1/namespaces/{ns}/kv/{v}"),
        ("PUT", "/api/v1/namespaces/{v}/kv/key"), ("PUT", "/api/v1/main/namespaces/{ns}/kv/{v}"), ("DELETE", "/api/v1/namespaces/{ns}/kv/{v}"),
        ("DELETE", "/api/v1/namespaces/{v}/kv/key"),
        ("GET", "/api/v1/triggers/{v}/{v}"), ("GET", "/api/v1/triggers/{ns}/f?q={v}"), ("POST", "/api/v1/triggers/{v}/{v}/{v}/unlock"),
        ("POST", "/api/v1/main/triggers/{ns}/f/{v}/restart"),
        ("GET", "/api/v1/purges/{v}"),
        ("GET", "/api/v1/executions/webhook/{v}/{v}/{v}"), ("POST", "/api/v1/main/executions/webhook/{ns}/f/{v}"),
    ];

    private readonly HttpClient client = api.Client();

    [Fact]
    public async Task Every_search_filter_answers_metacharacters_with_no_rows_or_a_400_naming_it_and_the_data_is_intact()
    {
        var (ns, _) = await SeedAsync();
        var before = await DatabaseRows.SnapshotAsync(api.Database);
        var wrong = new List<string>();

        foreach (var (path, filters) in Searches)
        {
            foreach (var filter in filters)
            {
                foreach (var (name, value) in HostileValues.All)
                {
                    // Scoped to the seeded namespace, so that a filter that leaked would show the seeded rows.
                    var url = $"{path}?filters[namespace][STARTS_WITH]={ns}&{filter.Replace("{v}", value, StringComparison.Ordinal)}";
                    var parameter = filter.Contains("{v}]", StringComparison.Ordinal) ? null : filter[..filter.IndexOf('=', StringComparison.Ordinal)];
                    if (await NoRowsOrNamedRefusalAsync(url, parameter) is { } why)
                    {
                        wrong.Add($"{path} {filter} with {name}: {why}");
                    }
                }
            }
        }

        foreach (var (name, value) in HostileValues.All)
        {
            using var response = await client.GetAsync($"/api/v1/namespaces/search?q={value}");
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                wrong.Add($"/api/v1/namespaces/search q with {name}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
    }

    [Fact]
    public async Task Every_path_parameter_answers_metacharacters_with_a_4xx_or_nothing_and_the_data_is_intact()
    {
        var (ns, executionId) = await SeedAsync();
        var before = await DatabaseRows.SnapshotAsync(api.Database);
        var wrong = new List<string>();
        var values = HostileValues.ForPaths.Append(("an encoded ../", "%2e%2e%2f%2e%2e%2fapi"));

        foreach (var (method, route) in PathRoutes)
        {
            foreach (var (name, value) in values)
            {
                var path = route.Replace("{v}", value, StringComparison.Ordinal).Replace("{ns}", ns, StringComparison.Ordinal).Replace("{id}", executionId, StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = BodyOf(route, ns) };
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var answered = status switch
                {
                    >= 200 and < 300 => body.Length == 0 || body == "[]" || JsonNode.Parse(body)?["total"]?.GetValue<long>() == 0,
                    400 or 404 or 422 => response.Content.Headers.ContentType?.MediaType == "application/problem+json" && JsonNode.Parse(body)?["detail"] is not null,
                    _ => false,
                };
                if (!answered)
                {
                    wrong.Add($"{method} {route} with {name}: {status} {body[..Math.Min(200, body.Length)]}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
    }

    [Fact]
    public async Task Percent_and_underscore_in_a_namespace_flowId_or_q_filter_match_only_themselves()
    {
        var root = UniqueNamespace("like");
        foreach (var (ns, flowId, message, triggerId) in new[] { ($"{root}.a_b", "a_b", "50% done for a_b", "t_1"), ($"{root}.axb", "axb", "50 done for axb", "t1") })
        {
            await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, flowId))).JsonAsync();
            var execution = await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/{flowId}", UriKind.Relative), null)).JsonAsync();
            await InsertLogAsync(ns, flowId, (string)execution["id"]!, message);
            await InsertTriggerAsync(ns, flowId, triggerId);
        }

        string[] underscoreOnly = ["a_b"];
        var expected = new (string Query, string[] FlowIds)[]
        {
            ($"namespace={root}.a_b", underscoreOnly),
            ($"filters[namespace][STARTS_WITH]={root}.a_", underscoreOnly),
            ($"filters[namespace][CONTAINS]={root}.a_", underscoreOnly),
            ($"namespace={root}&filters[namespace][ENDS_WITH]=%25", []),
            ($"namespace={root}&flowId=a_b", underscoreOnly),
            ($"namespace={root}&filters[flowId][STARTS_WITH]=a_", underscoreOnly),
            ($"namespace={root}&filters[flowId][ENDS_WITH]=_b", underscoreOnly),
            ($"namespace={root}&filters[flowId][CONTAINS]=_", underscoreOnly),
            ($"namespace={root}&filters[flowId][CONTAINS]=%25", []),
            ($"namespace={root}&filters[flowId][CONTAINS]=%5C", []),
            ($"namespace={root}&q=_", underscoreOnly),
            ($"namespace={root}&q=%25", []),
            ($"namespace={root}&q=%5C", []),
        };
        var searches = new (string Path, Func<JsonNode, string> FlowId)[]
        {
            ("/api/v1/executions/search", r => (string)r["flowId"]!),
            ("/api/v1/flows/search", r => (string)r["id"]!),
            ("/api/v1/logs/search", r => (string)r["flowId"]!),
            ("/api/v1/triggers/search", r => (string)r["triggerContext"]!["flowId"]!),
        };
        var wrong = new List<string>();

        foreach (var (path, flowIdOf) in searches)
        {
            foreach (var (query, flowIds) in expected)
            {
                // The logs' q reads the message, where the seeded '%' is, so '%' matches the a_b line there.
                var want = path.Contains("/logs/", StringComparison.Ordinal) && query.EndsWith("q=%25", StringComparison.Ordinal) ? underscoreOnly : flowIds;
                var found = await (await client.GetAsync($"{path}?{query}&size=50")).JsonAsync();
                var got = found["results"]!.AsArray().Select(r => flowIdOf(r!)).Order(StringComparer.Ordinal).ToArray();
                if (!got.SequenceEqual(want) || (long)found["total"]! != want.Length)
                {
                    wrong.Add($"{path}?{query}: [{string.Join(", ", got)}] (total {found["total"]}), expected [{string.Join(", ", want)}]");
                }
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>The body a route needs to reach its lookup (labels and flows are checked before the id is looked up).</summary>
    private static StringContent? BodyOf(string route, string ns) => route switch
    {
        _ when route.EndsWith("/labels", StringComparison.Ordinal) => new StringContent("""[{"key": "k", "value": "v"}]""", Encoding.UTF8, "application/json"),
        _ when route.StartsWith("/api/v1/flows/", StringComparison.Ordinal) => Yaml(Flow(ns, "f")),
        _ when route.Contains("/kv/", StringComparison.Ordinal) => new StringContent("1"),
        _ => null,
    };

    /// <summary>Null when the search answered 200 with no rows, or a 400 problem naming <paramref name="parameter"/> (any 400 problem when null).</summary>
    private async Task<string?> NoRowsOrNamedRefusalAsync(string url, string? parameter)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length == 0 ? null : JsonNode.Parse(body);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return (long)json!["total"]! == 0 && json["results"]!.AsArray().Count == 0 ? null : $"found {json["total"]} rows";
            case HttpStatusCode.BadRequest:
                var named = parameter is null || (string?)json?["field"] == parameter || ((string?)json?["detail"] ?? "").Contains(parameter, StringComparison.Ordinal);
                return response.Content.Headers.ContentType?.MediaType == "application/problem+json" && json?["detail"] is not null && named
                    ? null
                    : $"400 not naming {parameter}: {body[..Math.Min(200, body.Length)]}";
            default:
                return $"{(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}";
        }
    }

    private async Task<(string Ns, string ExecutionId)> SeedAsync()
    {
        var ns = UniqueNamespace("sqli");
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "f", "labels:\n  team: data"))).JsonAsync();
        var execution = await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/f", UriKind.Relative), null)).JsonAsync();
        var id = (string)execution["id"]!;
        await InsertLogAsync(ns, "f", id, "hello");
        await InsertTriggerAsync(ns, "f", "schedule");
        return (ns, id);
    }

    // Stand in for the worker and the scheduler, the writers of these rows.
    private async Task InsertLogAsync(string ns, string flowId, string executionId, string message)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO logs (namespace, flow_id, execution_id, task_id, trigger_id, timestamp, level, message, deleted) " +
            "VALUES (@ns, @flow, @execution, 'hello', 'schedule', now(), 'INFO', @message, false)", connection);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("execution", executionId);
        command.Parameters.AddWithValue("message", message);
        await command.ExecuteNonQueryAsync();
    }

    private async Task InsertTriggerAsync(string ns, string flowId, string triggerId)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO triggers (namespace, flow_id, trigger_id, flow_revision, type, disabled, updated_at) " +
            "VALUES (@ns, @flow, @trigger, 1, 'io.kestra.plugin.core.trigger.Schedule', false, now())", connection);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("trigger", triggerId);
        await command.ExecuteNonQueryAsync();
    }
}
