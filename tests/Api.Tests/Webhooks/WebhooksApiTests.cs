using System.Net;
using System.Text;
using Kite.Api.Tests.Fixtures;

namespace Kite.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class WebhooksApiTests(ApiFixture fixture)
{
    private static string HookedFlow(string ns, string id, bool wait = false, bool returnOutputs = false) => $$$"""
        id: {{{id}}}
        namespace: {{{ns}}}
        inputs:
          - id: who
            type: STRING
            defaults: nobody
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: s3cr3tKey
            wait: {{{(wait ? "true" : "false")}}}
            returnOutputs: {{{(returnOutputs ? "true" : "false")}}}
            inputs:
              who: "{{ trigger.body.name ?? 'anonymous' }}"
        tasks:
          - id: greet
            type: io.kestra.plugin.core.debug.Return
            format: "Hello {{ trigger.body.name ?? trigger.body }} from {{ trigger.parameters.from[0] }}"
        outputs:
          - id: greeting
            type: STRING
            value: "{{ outputs.greet.value }}"
        """;

    private async Task<string> SaveAsync(string yaml)
    {
        var ns = ApiHttp.UniqueNamespace("hook");
        (await fixture.EngineClient().PostYamlAsync("/api/v1/flows", yaml.Replace("{ns}", ns, StringComparison.Ordinal))).EnsureSuccessStatusCode();
        return ns;
    }

    [Fact]
    public async Task A_webhook_call_without_credentials_starts_the_flow_with_body_headers_and_query_as_trigger_variables()
    {
        var ns = await SaveAsync(HookedFlow("{ns}", "hooked"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/executions/webhook/{ns}/hooked/s3cr3tKey?from=ci")
        {
            Content = new StringContent("""{"name": "Ada"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Origin", "tests");

        var created = await (await fixture.Engine.CreateClient().SendAsync(request)).JsonAsync();

        var variables = created["trigger"]!["variables"]!;
        Assert.Equal("hook", (string)created["trigger"]!["id"]!);
        Assert.Equal("io.kestra.plugin.core.trigger.Webhook", (string)created["trigger"]!["type"]!);
        Assert.Equal("Ada", (string)variables["body"]!["name"]!);
        Assert.Equal("ci", (string)variables["parameters"]!["from"]![0]!);
        Assert.Equal("tests", (string)variables["headers"]!["X-Origin"]![0]!);
        Assert.Equal("Ada", (string)created["inputs"]!["who"]!);
    }

    [Fact]
    public async Task With_wait_and_returnOutputs_the_call_answers_the_flow_outputs_rendered_from_the_trigger()
    {
        var ns = await SaveAsync(HookedFlow("{ns}", "outputs", wait: true, returnOutputs: true));

        var outputs = await (await fixture.Engine.CreateClient().PostAsync(
            new Uri($"/api/v1/main/executions/webhook/{ns}/outputs/s3cr3tKey?from=ci", UriKind.Relative),
            new StringContent("""{"name": "Ada"}""", Encoding.UTF8, "application/json"))).JsonAsync();

        Assert.Equal("Hello Ada from ci", (string)outputs["greeting"]!);
    }

    [Fact]
    public async Task With_wait_only_a_GET_call_answers_the_ended_execution_and_a_text_body_stays_text()
    {
        var ns = await SaveAsync(HookedFlow("{ns}", "waited", wait: true));

        var ended = await (await fixture.Engine.CreateClient().PutAsync(
            new Uri($"/api/v1/executions/webhook/{ns}/waited/s3cr3tKey?from=put", UriKind.Relative),
            new StringContent("plain words", Encoding.UTF8, "text/plain"))).JsonAsync();

        Assert.Equal("SUCCESS", (string)ended["state"]!["current"]!);
        Assert.Equal("plain words", (string)ended["trigger"]!["variables"]!["body"]!);
        Assert.Equal("anonymous", (string)ended["inputs"]!["who"]!);
    }

    [Fact]
    public async Task An_unknown_flow_or_key_is_404_and_a_body_over_the_limit_is_413()
    {
        var ns = await SaveAsync(HookedFlow("{ns}", "guarded"));
        var anonymous = fixture.Engine.CreateClient();

        await (await anonymous.GetAsync($"/api/v1/executions/webhook/{ns}/guarded/wrongKey")).ProblemAsync(HttpStatusCode.NotFound, "wrongKey");
        await (await anonymous.GetAsync($"/api/v1/executions/webhook/{ns}/nosuchflow/s3cr3tKey")).ProblemAsync(HttpStatusCode.NotFound, "nosuchflow");
        var tooLarge = new StringContent(new string('x', 11 * 1024 * 1024), Encoding.UTF8, "text/plain");
        var response = await anonymous.PostAsync(new Uri($"/api/v1/executions/webhook/{ns}/guarded/s3cr3tKey", UriKind.Relative), tooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_revision_saved_after_a_webhook_call_is_what_the_next_call_runs()
    {
        var ns = ApiHttp.UniqueNamespace("hook");
        var client = fixture.Client();
        var anonymous = fixture.Anonymous();
        (await client.PostYamlAsync("/api/v1/flows", HookedFlow(ns, "rekeyed"))).EnsureSuccessStatusCode();
        var first = await (await anonymous.GetAsync($"/api/v1/executions/webhook/{ns}/rekeyed/s3cr3tKey")).JsonAsync();
        Assert.Equal(1, (int)first["flowRevision"]!);

        var rekeyed = HookedFlow(ns, "rekeyed").Replace("key: s3cr3tKey", "key: n3wKey", StringComparison.Ordinal);
        (await client.PutYamlAsync($"/api/v1/flows/{ns}/rekeyed", rekeyed)).EnsureSuccessStatusCode();

        var second = await (await anonymous.GetAsync($"/api/v1/executions/webhook/{ns}/rekeyed/n3wKey")).JsonAsync();
        Assert.Equal(2, (int)second["flowRevision"]!);
        await (await anonymous.GetAsync($"/api/v1/executions/webhook/{ns}/rekeyed/s3cr3tKey")).ProblemAsync(HttpStatusCode.NotFound, "s3cr3tKey");
    }

    [Fact]
    public async Task The_answer_to_a_webhook_call_is_the_execution_as_a_later_GET_reads_it()
    {
        var ns = ApiHttp.UniqueNamespace("hook");
        (await fixture.Client().PostYamlAsync("/api/v1/flows", HookedFlow(ns, "answered"))).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/executions/webhook/{ns}/answered/s3cr3tKey?from=ci&from=cd")
        {
            Content = new StringContent("""{"name": "Zoë", "tags": ["a", "b"], "size": 1.50, "nested": {"z": 1, "a": null}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Origin", "tests");

        var answered = await (await fixture.Anonymous().SendAsync(request)).JsonAsync();
        var read = await (await fixture.Client().GetAsync($"/api/v1/executions/{answered["id"]}")).JsonAsync();

        // No executor runs this Api's executions: nothing but the duration can have changed since the answer.
        Assert.Equal("CREATED", (string)answered["state"]!["current"]!);
        ExecutionJson.AssertSameBesidesDuration(read, answered);
    }
}
