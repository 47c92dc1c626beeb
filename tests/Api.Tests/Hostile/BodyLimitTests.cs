using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Flows;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Bodies over the limits of <c>Api:*</c> (set small in this host: flows 2 KB, other bodies 4 KB, uploads 8 KB), and
/// over the fixed limits of the trigger (1 MiB) and purge (64 KiB) routes: each is a 413 whose message gives the limit,
/// whether the body declares its length or streams it, and nothing is written. (A FILE upload to a new execution over
/// the limit is ExecutionFilesApiTests'.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BodyLimitTests(ApiFixture api)
{
    private const string PausingFlow = """
        inputs:
          - id: note
            type: STRING
            required: false
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: s3cr3tKey
        tasks:
          - id: approve
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: evidence
                type: FILE
        """;

    [Fact]
    public async Task A_flow_over_MaxFlowBytes_is_413_giving_the_limit_and_saves_no_revision()
    {
        await using var small = SmallLimits();
        using var client = SignedIn(small);
        var ns = UniqueNamespace("limit");
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "kept"))).JsonAsync();
        var big = Flow(ns, "big", "description: " + new string('x', 3000));
        var bigUpdate = Flow(ns, "kept", "description: " + new string('x', 3000));
        var before = await DatabaseRows.SnapshotAsync(api.Database);

        foreach (var (method, path, yaml) in new[] { ("POST", "/api/v1/flows", big), ("PUT", $"/api/v1/flows/{ns}/kept", bigUpdate), ("POST", "/api/v1/flows/validate", big) })
        {
            foreach (var chunked in new[] { false, true })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = chunked ? new Chunked(Yaml(yaml)) : Yaml(yaml) };
                var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
                Assert.Contains("2048", (string)problem["detail"]!, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
    }

    [Fact]
    public async Task Inputs_over_MaxBodyBytes_are_413_giving_the_limit_and_create_no_execution()
    {
        await using var small = SmallLimits();
        using var client = SignedIn(small);
        var ns = await FlowAsync(client);
        var json = $$"""{"note": "{{new string('x', 5000)}}"}""";
        var before = await DatabaseRows.SnapshotAsync(api.Database);

        foreach (var chunked in new[] { false, true })
        {
            var content = new StringContent(json, Encoding.UTF8, "application/json");
            var response = await client.PostAsync(new Uri($"/api/v1/executions/{ns}/paused", UriKind.Relative), chunked ? new Chunked(content) : content);
            var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
            Assert.Contains("4096", (string)problem["detail"]!, StringComparison.Ordinal);
        }

        using var form = new MultipartFormDataContent { { new StringContent(new string('x', 3000)), "note" }, { new StringContent(new string('y', 3000)), "other" } };
        var fields = await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/paused", UriKind.Relative), form)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "inputs");
        Assert.Contains("4096", (string)fields["detail"]!, StringComparison.Ordinal);

        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
    }

    [Fact]
    public async Task An_upload_over_MaxUploadBytes_to_resume_is_413_giving_the_limit_and_stores_nothing()
    {
        await using var small = SmallLimits();
        using var client = SignedIn(small);
        var ns = await FlowAsync(client);
        var id = (string)(await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/paused", UriKind.Relative), null)).JsonAsync())["id"]!;
        await PauseAsync(id, "approve");
        var before = await DatabaseRows.SnapshotAsync(api.Database);

        foreach (var chunked in new[] { false, true })
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[32 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "evidence", "big.bin" } };
            var response = await client.PostAsync(new Uri($"/api/v1/executions/{id}/resume", UriKind.Relative), chunked ? new Chunked(form) : form);
            var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
            Assert.Contains("8192", (string)problem["detail"]!, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
    }

    [Fact]
    public async Task Every_other_body_over_its_limit_is_413_giving_the_limit_and_changes_nothing()
    {
        await using var small = SmallLimits();
        using var client = SignedIn(small);
        var ns = await FlowAsync(client);
        var id = (string)(await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/paused", UriKind.Relative), null)).JsonAsync())["id"]!;
        var flows = "[" + string.Join(",", Enumerable.Repeat($$"""{"namespace": "{{ns}}", "id": "paused"}""", 100)) + "]";
        var requests = new (string Method, string Path, HttpContent Body, string Limit)[]
        {
            ("POST", $"/api/v1/executions/{id}/labels", Json($$"""[{"key": "k", "value": "{{new string('x', 5000)}}"}]"""), "4096"),
            ("POST", "/api/v1/flows/disable/by-ids", Json(flows), "4096"),
            ("POST", "/api/v1/main/flows/enable/by-ids", Json(flows), "4096"),
            ("PUT", $"/api/v1/namespaces/{ns}/kv/big", new StringContent(new string('x', 5000)), "4096"),
            ("POST", $"/api/v1/executions/webhook/{ns}/paused/s3cr3tKey", Json($$"""{"pad": "{{new string('x', 5000)}}"}"""), "4096"),
            ("PUT", "/api/v1/triggers", Json($$"""{"namespace": "{{ns}}", "flowId": "paused", "triggerId": "hook", "pad": "{{new string('x', 1100 * 1024)}}"}"""), "1048576"),
            ("POST", "/api/v1/purges/executions", Json($$"""{"namespace": "{{ns}}", "endDate": "2000-01-01T00:00:00Z", "pad": "{{new string('x', 70 * 1024)}}"}"""), "65536"),
        };
        var before = await DatabaseRows.SnapshotAsync(api.Database);

        foreach (var (method, path, body, limit) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
            var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
            Assert.Contains(limit, (string)problem["detail"]!, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DatabaseRows.SnapshotAsync(api.Database));
        // The oversized labels were never sent: the next change is the first the executor hears of.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync($"/api/v1/executions/{id}/labels", """[{"key": "k", "value": "small"}]""")).StatusCode);
        await Eventually.BecomesAsync(() => Task.FromResult(api.Recorded.Of<ChangeExecutionLabels>().Any(c => c.ExecutionId == id)), seen => seen, "ChangeExecutionLabels is received");
        var changes = api.Recorded.Of<ChangeExecutionLabels>().Where(c => c.ExecutionId == id).ToList();
        Assert.Equal("small", (string)JsonNode.Parse(Assert.Single(changes).Labels)!["k"]!);
    }

    private WebApplicationFactory<FlowStore> SmallLimits() => api.Api.WithWebHostBuilder(web =>
    {
        web.UseSetting("Api:MaxFlowBytes", "2048");
        web.UseSetting("Api:MaxBodyBytes", "4096");
        web.UseSetting("Api:MaxUploadBytes", "8192");
    });

    private static HttpClient SignedIn(WebApplicationFactory<FlowStore> factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password);
        return client;
    }

    private static async Task<string> FlowAsync(HttpClient client)
    {
        var ns = UniqueNamespace("limit");
        await (await client.PostYamlAsync("/api/v1/flows", $"id: paused\nnamespace: {ns}\n{PausingFlow}")).JsonAsync();
        return ns;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // Stands in for the executor: the execution paused at its Pause task.
    private async Task PauseAsync(string id, string taskId)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE executions SET state = 'PAUSED', state_history = jsonb_build_array(jsonb_build_object('state', 'PAUSED', 'date', now())) WHERE id = @id; " +
            "INSERT INTO task_runs (id, execution_id, position, task_id, state, state_history, attempts, start_date) " +
            "VALUES (@id || '-' || @task, @id, 0, @task, 'PAUSED', jsonb_build_array(jsonb_build_object('state', 'PAUSED', 'date', now())), '[]', now())",
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("task", taskId);
        await command.ExecuteNonQueryAsync();
    }
}
