using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Webhook keys guessed without credentials: every way of getting the key or the flow wrong is the same 404, the
/// values the caller sent being the only difference, so a caller cannot tell a wrong key from a wrong flow; and none
/// starts an execution. The right key does, so the count is shown to see executions.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookKeyTests(ApiFixture api)
{
    private const string Key = "s3cr3tKey";

    [Fact]
    public async Task A_wrong_key_and_an_unknown_flow_answer_the_same_404_and_start_no_execution()
    {
        var ns = UniqueNamespace("guess");
        using var client = api.Client();
        await (await client.PostYamlAsync("/api/v1/flows", Hooked(ns, "hooked", disabled: false))).JsonAsync();
        await (await client.PostYamlAsync("/api/v1/flows", Hooked(ns, "off", disabled: true))).JsonAsync();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "plain"))).JsonAsync();
        await (await client.PostYamlAsync("/api/v1/flows", Hooked(ns, "gone", disabled: false))).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/flows/{ns}/gone", UriKind.Relative))).StatusCode);
        using var anonymous = api.Anonymous();

        (string Namespace, string FlowId, string Key)[] guesses =
        [
            (ns, "hooked", "wrongKey"),
            (ns, "hooked", Key.ToUpperInvariant()),
            (ns, "hooked", Key[..^1]),
            (ns, "hooked", Key + "x"),
            (ns, "hooked", " " + Key),
            (ns, "hooked", "%25"),
            (ns, "hooked", "' OR 1=1 --"),
            (ns, "nosuchflow", Key),
            (ns, "HOOKED", Key),
            (ns + "x", "hooked", Key),
            ("nosuch.namespace", "hooked", Key),
            (ns, "off", Key),
            (ns, "plain", Key),
            (ns, "gone", Key),
        ];
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prefix in new[] { "/api/v1", "/api/v1/main" })
        {
            foreach (var (guessNs, guessFlow, guessKey) in guesses)
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put })
                {
                    var path = $"{prefix}/executions/webhook/{Uri.EscapeDataString(guessNs)}/{Uri.EscapeDataString(guessFlow)}/{Uri.EscapeDataString(guessKey)}";
                    using var request = new HttpRequestMessage(method, path);
                    if (method != HttpMethod.Get)
                    {
                        request.Content = new StringContent("""{"name": "Mallory"}""", Encoding.UTF8, "application/json");
                    }

                    using var response = await anonymous.SendAsync(request);
                    var problem = await response.ProblemAsync(HttpStatusCode.NotFound, guessKey);
                    shapes.Add(Shape(response, problem, guessNs, guessFlow, guessKey));
                }
            }
        }

        Assert.Single(shapes);
        Assert.Empty(await ExecutionsAsync(ns));
        Assert.Empty(await ExecutionsAsync(ns + "x"));

        var started = await (await anonymous.PostAsync(new Uri($"/api/v1/executions/webhook/{ns}/hooked/{Key}", UriKind.Relative), null)).JsonAsync();
        Assert.Equal([(string)started["id"]!], await ExecutionsAsync(ns));
    }

    [Fact]
    public async Task A_wrong_key_with_a_body_over_the_limit_is_still_the_404_so_the_size_check_tells_nothing()
    {
        var ns = UniqueNamespace("guess");
        using var client = api.Client();
        await (await client.PostYamlAsync("/api/v1/flows", Hooked(ns, "hooked", disabled: false))).JsonAsync();
        using var anonymous = api.Anonymous();
        var huge = new string('x', 11 * 1024 * 1024);

        var wrongKey = await anonymous.PostAsync(new Uri($"/api/v1/executions/webhook/{ns}/hooked/wrongKey", UriKind.Relative), new StringContent(huge));
        var wrongFlow = await anonymous.PostAsync(new Uri($"/api/v1/executions/webhook/{ns}/nosuchflow/{Key}", UriKind.Relative), new StringContent(huge));

        await wrongKey.ProblemAsync(HttpStatusCode.NotFound, "wrongKey");
        await wrongFlow.ProblemAsync(HttpStatusCode.NotFound, "nosuchflow");
        Assert.Empty(await ExecutionsAsync(ns));
    }

    [Fact]
    public async Task A_method_a_webhook_does_not_take_is_405_naming_the_methods_it_takes()
    {
        using var anonymous = api.Anonymous();

        var response = await anonymous.DeleteAsync(new Uri($"/api/v1/executions/webhook/any/flow/{Key}", UriKind.Relative));

        var problem = await response.ProblemAsync(HttpStatusCode.MethodNotAllowed, "DELETE");
        Assert.Contains("GET, POST, PUT", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    /// <summary>The answer with the caller's own values taken out: what would differ if the key and the flow were told apart.</summary>
    private static string Shape(HttpResponseMessage response, JsonObject problem, string ns, string flowId, string key)
    {
        var detail = ((string)problem["detail"]!).Replace($"'{key}'", "'{key}'", StringComparison.Ordinal).Replace($"'{ns}.{flowId}'", "'{flow}'", StringComparison.Ordinal);
        var fields = string.Join(",", problem.Select(p => p.Key).Where(k => k != "traceId").Order(StringComparer.Ordinal));
        var headers = string.Join(",", response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(h => h is not ("Date" or "traceparent")).Order(StringComparer.Ordinal));
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {headers} {fields} {problem["title"]} {detail}";
    }

    private async Task<List<string>> ExecutionsAsync(string ns) =>
        await MigratedDatabase.QueryAsync(api.Database, $"SELECT id FROM executions WHERE namespace = '{ns}'", r => r.GetString(0));

    private static string Hooked(string ns, string id, bool disabled) => $"""
        id: {id}
        namespace: {ns}
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: {Key}
            disabled: {(disabled ? "true" : "false")}
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        """;
}
