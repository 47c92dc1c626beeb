using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Npgsql;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Malformed JSON or YAML, and valid bodies under the wrong Content-Type, on every POST and PUT route that reads a
/// body (flows, by-ids, executions, resume, labels, triggers, backfills, purges): a 4xx problem with a message, never a
/// 500, and nothing written. Kite has no kill-by-query route. Replay reads no body. The key-value and webhook routes
/// take any text as their value, so they are pinned apart.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedBodyTests(ApiFixture api)
{
    private const string Json = "application/json";
    private const string YamlType = "application/x-yaml";

    private static readonly byte[][] MalformedJson =
    [
        .. new[] { "{", "[{\"key\":", "\"unterminated", "{\"a\":}", "{\"a\": 1}}", "nul", "{'a': 1}", "[1, 2,]", "{\"a\": 1 /* comment */}" }.Select(Encoding.UTF8.GetBytes),
        [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        [],
    ];

    private static readonly byte[][] MalformedYaml =
    [
        .. new[] { "id: [unclosed", "id: x\n\tnamespace: y", "id: 'unterminated", "- just\n- a list", ": : :", "id: &a x\nnamespace: *b" }.Select(Encoding.UTF8.GetBytes),
        [(byte)'i', (byte)'d', (byte)':', (byte)' ', 0xFF, 0xFE],
    ];

    private readonly HttpClient client = api.Client();

    [Fact]
    public async Task Every_route_that_takes_a_body_answers_malformed_bodies_and_wrong_media_types_with_a_4xx_problem_and_writes_nothing()
    {
        var routes = await RoutesAsync();
        var before = await DatabaseRows.SnapshotAsync(api.Database);
        var wrong = new List<string>();

        foreach (var (method, path, type, valid) in routes)
        {
            var yaml = type == YamlType;
            // An empty body is no inputs, for a new or resumed execution.
            var inputs = path.EndsWith("/resume", StringComparison.Ordinal) || path.EndsWith("/f", StringComparison.Ordinal) && method == "POST";
            foreach (var body in (yaml ? MalformedYaml : MalformedJson).Where(b => b.Length > 0 || !inputs))
            {
                foreach (var contentType in new string?[] { type, null })
                {
                    // A validation report is the answer of /flows/validate to a flow that does not read.
                    var report = yaml && path.EndsWith("/validate", StringComparison.Ordinal);
                    await CheckAsync(method, path, body, contentType, report, wrong);
                }
            }

            string[] others = yaml ? [Json, "application/xml", "multipart/form-data; boundary=x"] : ["text/plain", "application/xml", "text/yaml", "application/x-www-form-urlencoded", "multipart/form-data"];
            foreach (var contentType in others)
            {
                await CheckAsync(method, path, Encoding.UTF8.GetBytes(valid), contentType, report: false, wrong);
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
    }

    [Fact]
    public async Task Replay_reads_no_body_and_a_bad_revision_is_400_naming_it()
    {
        var (ns, created, _) = await SeedAsync();
        var path = $"/api/v1/executions/{created}/replay";

        await (await client.PostAsync(new Uri(path + "?revision=abc", UriKind.Relative), new StringContent("{", Encoding.UTF8, Json))).ProblemAsync(HttpStatusCode.BadRequest, "revision");
        await (await client.PostAsync(new Uri(path + "?revision=0", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.BadRequest, "revision");
        await (await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("<xml/>", Encoding.UTF8, "application/xml"))).ProblemAsync(HttpStatusCode.Conflict, created);
        var executions = await MigratedDatabase.QueryAsync(api.Database, $"SELECT count(*) FROM executions WHERE namespace = '{ns}'", r => r.GetInt64(0));
        Assert.Equal([2L], executions);
        await (await client.GetAsync($"/api/v1/executions/{created}/file/preview?path=kestra:///x&maxRows=many")).ProblemAsync(HttpStatusCode.BadRequest, "maxRows");
    }

    [Fact]
    public async Task A_flow_whose_YAML_decodes_to_a_NUL_character_is_400_and_saves_no_revision()
    {
        var ns = UniqueNamespace("nulflow");

        var response = await client.PostYamlAsync("/api/v1/flows", Flow(ns, "f", "description: \"a\\0b\""));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "NUL");
        await (await client.GetAsync($"/api/v1/flows/{ns}/f")).ProblemAsync(HttpStatusCode.NotFound, ns);
    }

    [Fact]
    public async Task A_key_value_reads_any_text_as_its_value_but_a_NUL_character_in_it_is_400()
    {
        var ns = UniqueNamespace("kvbody");
        var path = $"/api/v1/namespaces/{ns}/kv/raw";

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(new Uri(path, UriKind.Relative), new StringContent("{\"a\":", Encoding.UTF8, Json))).StatusCode);
        var stored = await (await client.GetAsync(path)).JsonAsync();
        Assert.Equal("{\"a\":", (string)stored["value"]!);

        await (await client.PutAsync(new Uri(path, UriKind.Relative), new StringContent("\"a\\u0000b\"", Encoding.UTF8, Json))).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await client.PutAsync(new Uri(path, UriKind.Relative), new StringContent("a\0b"))).ProblemAsync(HttpStatusCode.BadRequest, "body");
        using var invalid = new ByteArrayContent([0xC3, 0x28]);
        await (await client.PutAsync(new Uri(path, UriKind.Relative), invalid)).ProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Equal("{\"a\":", (string)(await (await client.GetAsync(path)).JsonAsync())["value"]!);
    }

    [Fact]
    public async Task A_webhook_body_that_no_storable_JSON_value_holds_is_kept_as_text_and_a_NUL_character_is_400()
    {
        var ns = UniqueNamespace("hookbody");
        await (await client.PostYamlAsync("/api/v1/flows", $"""
            id: hooked
            namespace: {ns}
            triggers:
              - id: hook
                type: io.kestra.plugin.core.trigger.Webhook
                key: s3cr3tKey
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            """)).JsonAsync();
        using var anonymous = api.Anonymous();
        var path = $"/api/v1/executions/webhook/{ns}/hooked/s3cr3tKey";

        foreach (var text in new[] { """{"a": 1, "a": 2}""", """{"n": 1e400}""", """{"n": "\u0000"}""", "{not json" })
        {
            var execution = await (await anonymous.PostAsync(new Uri(path, UriKind.Relative), new StringContent(text, Encoding.UTF8, Json))).JsonAsync();
            Assert.Equal(text, (string)execution["trigger"]!["variables"]!["body"]!);
        }

        await (await anonymous.PostAsync(new Uri(path, UriKind.Relative), new StringContent("a\0b"))).ProblemAsync(HttpStatusCode.BadRequest, "body");
        var executions = await MigratedDatabase.QueryAsync(api.Database, $"SELECT id FROM executions WHERE namespace = '{ns}'", r => r.GetString(0));
        Assert.Equal(4, executions.Count);
    }

    private async Task CheckAsync(string method, string path, byte[] body, string? contentType, bool report, List<string> wrong)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var answered = status is >= 400 and < 500
            ? response.Content.Headers.ContentType?.MediaType == "application/problem+json" && !string.IsNullOrEmpty((string?)JsonNode.Parse(text)?["detail"])
            : report && status == 200;
        if (!answered)
        {
            var shown = Encoding.UTF8.GetString(body);
            wrong.Add($"{method} {path} [{contentType ?? "no Content-Type"}] {shown[..Math.Min(40, shown.Length)]}: {status} {text[..Math.Min(200, text.Length)]}");
        }
    }

    private async Task<List<(string Method, string Path, string Type, string Valid)>> RoutesAsync()
    {
        var (ns, created, paused) = await SeedAsync();
        var key = $$"""{"namespace": "{{ns}}", "flowId": "f", "triggerId": "schedule"}""";
        return
        [
            ("POST", "/api/v1/flows", YamlType, Flow(UniqueNamespace(), "new")),
            ("PUT", $"/api/v1/flows/{ns}/f", YamlType, Flow(ns, "f", "description: changed")),
            ("POST", "/api/v1/main/flows/validate", YamlType, Flow(ns, "f")),
            ("POST", "/api/v1/flows/disable/by-ids", Json, $$"""[{"namespace": "{{ns}}", "id": "f"}]"""),
            ("POST", "/api/v1/main/flows/enable/by-ids", Json, $$"""[{"namespace": "{{ns}}", "id": "f"}]"""),
            ("POST", $"/api/v1/executions/{ns}/f", Json, "{}"),
            ("POST", $"/api/v1/executions/{paused}/resume", Json, """{"reason": "ok"}"""),
            ("POST", $"/api/v1/main/executions/{created}/labels", Json, """[{"key": "k", "value": "v"}]"""),
            ("PUT", "/api/v1/triggers", Json, $$"""{"namespace": "{{ns}}", "flowId": "f", "triggerId": "schedule", "disabled": true}"""),
            ("POST", "/api/v1/triggers/set-disabled/by-triggers", Json, $$"""{"triggers": [{{key}}], "disabled": true}"""),
            ("PUT", "/api/v1/triggers/backfill/pause", Json, key),
            ("PUT", "/api/v1/main/triggers/backfill/unpause", Json, key),
            ("POST", "/api/v1/triggers/backfill/delete", Json, key),
            ("POST", "/api/v1/purges/executions", Json, $$"""{"namespace": "{{ns}}", "endDate": "2000-01-01T00:00:00Z"}"""),
            ("POST", "/api/v1/main/purges/logs", Json, $$"""{"namespace": "{{ns}}", "endDate": "2000-01-01T00:00:00Z"}"""),
        ];
    }

    private async Task<(string Ns, string Created, string Paused)> SeedAsync()
    {
        var ns = UniqueNamespace("malformed");
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "f", """
            inputs:
              - id: reason
                type: STRING
                required: false
            """))).JsonAsync();
        var created = (string)(await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/f", UriKind.Relative), null)).JsonAsync())["id"]!;
        var paused = (string)(await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/f", UriKind.Relative), null)).JsonAsync())["id"]!;
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        // Stand in for the executor and the scheduler: one execution paused, and the flow's schedule row.
        await using var command = new NpgsqlCommand(
            "UPDATE executions SET state = 'PAUSED' WHERE id = @paused; " +
            "INSERT INTO triggers (namespace, flow_id, trigger_id, flow_revision, type, disabled, updated_at) " +
            "VALUES (@ns, 'f', 'schedule', 1, 'io.kestra.plugin.core.trigger.Schedule', false, now())", connection);
        command.Parameters.AddWithValue("paused", paused);
        command.Parameters.AddWithValue("ns", ns);
        await command.ExecuteNonQueryAsync();
        return (ns, created, paused);
    }
}
