using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kite.Api.Tests.Fixtures;

/// <summary>The requests and assertions the Api tests share.</summary>
public static class ApiHttp
{
    public static Task<HttpResponseMessage> PostYamlAsync(this HttpClient client, string path, string yaml) =>
        client.PostAsync(new Uri(path, UriKind.Relative), Yaml(yaml));

    public static Task<HttpResponseMessage> PutYamlAsync(this HttpClient client, string path, string yaml) =>
        client.PutAsync(new Uri(path, UriKind.Relative), Yaml(yaml));

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/x-yaml"));

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 answer with this status whose <c>field</c> (or, without one, detail) names <paramref name="names"/>.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string names)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        var named = problem["field"]?.ToString() == names || (problem["detail"]?.ToString() ?? "").Contains(names, StringComparison.Ordinal);
        Assert.True(named, $"the problem does not name '{names}': {body}");
        return problem;
    }

    /// <summary>A namespace no other test uses, so each test sees only its own rows in the shared database.</summary>
    public static string UniqueNamespace(string prefix = "test") => $"{prefix}.n{Guid.NewGuid():N}"[..(prefix.Length + 14)];

    public static string Flow(string ns, string id, string extra = "") => $"""
        id: {id}
        namespace: {ns}
        {extra}
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: Hello {id}
        """;
}
