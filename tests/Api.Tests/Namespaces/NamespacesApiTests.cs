using System.Net;
using System.Text;
using Kite.Api.Tests.Fixtures;

namespace Kite.Api.Tests.Namespaces;

[Collection(ApiCollection.Name)]
public sealed class NamespacesApiTests(ApiFixture fixture)
{
    private static StringContent Text(string body) => new(body, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task Namespaces_of_live_flows_are_listed_with_their_parents_and_paged_with_a_total()
    {
        var client = fixture.Client();
        var root = ApiHttp.UniqueNamespace("nsl");
        (await client.PostYamlAsync("/api/v1/flows", ApiHttp.Flow($"{root}.team.a", "one"))).EnsureSuccessStatusCode();
        (await client.PostYamlAsync("/api/v1/flows", ApiHttp.Flow($"{root}.team.b", "two"))).EnsureSuccessStatusCode();

        var all = await (await client.GetAsync($"/api/v1/namespaces/search?q={root}")).JsonAsync();
        var second = await (await client.GetAsync($"/api/v1/namespaces/search?q={root}&size=2&page=2")).JsonAsync();

        Assert.Equal([root, $"{root}.team", $"{root}.team.a", $"{root}.team.b"], all["results"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(4, (long)second["total"]!);
        Assert.Equal([$"{root}.team.a", $"{root}.team.b"], second["results"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal($"{root}.team", (string)(await (await client.GetAsync($"/api/v1/namespaces/{root}.team")).JsonAsync())["id"]!);
        await (await client.GetAsync($"/api/v1/namespaces/{root}.nothing")).ProblemAsync(HttpStatusCode.NotFound, "nothing");
    }

    [Fact]
    public async Task A_kv_value_is_written_read_with_its_inferred_type_listed_and_deleted()
    {
        var client = fixture.Client();
        var ns = ApiHttp.UniqueNamespace("kv");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(new Uri($"/api/v1/namespaces/{ns}/kv/answer", UriKind.Relative), Text("42"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(new Uri($"/api/v1/main/namespaces/{ns}/kv/greeting", UriKind.Relative), Text("hello world"))).StatusCode);
        (await client.PutAsync(new Uri($"/api/v1/namespaces/{ns}/kv/config", UriKind.Relative), Text("""{"retries": 3}"""))).EnsureSuccessStatusCode();

        var answer = await (await client.GetAsync($"/api/v1/namespaces/{ns}/kv/answer")).JsonAsync();
        var greeting = await (await client.GetAsync($"/api/v1/namespaces/{ns}/kv/greeting")).JsonAsync();
        var config = await (await client.GetAsync($"/api/v1/namespaces/{ns}/kv/config")).JsonAsync();
        Assert.Equal(("NUMBER", 42), ((string)answer["type"]!, (int)answer["value"]!));
        Assert.Equal(("STRING", "hello world"), ((string)greeting["type"]!, (string)greeting["value"]!));
        Assert.Equal(("JSON", 3), ((string)config["type"]!, (int)config["value"]!["retries"]!));

        var keys = await (await client.GetAsync($"/api/v1/namespaces/{ns}/kv")).JsonAsync();
        Assert.Equal(["answer", "config", "greeting"], keys.AsArray().Select(k => (string)k!["key"]!));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/namespaces/{ns}/kv/answer", UriKind.Relative))).StatusCode);
        await (await client.GetAsync($"/api/v1/namespaces/{ns}/kv/answer")).ProblemAsync(HttpStatusCode.NotFound, "answer");
        await (await client.DeleteAsync(new Uri($"/api/v1/namespaces/{ns}/kv/answer", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "answer");
    }

    [Fact]
    public async Task A_kv_value_with_a_ttl_expires_and_bad_keys_or_ttls_are_400()
    {
        var client = fixture.Client();
        var ns = ApiHttp.UniqueNamespace("kv");
        using var expiring = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/namespaces/{ns}/kv/short") { Content = Text("1") };
        expiring.Headers.Add("ttl", "PT0.5S");
        (await client.SendAsync(expiring)).EnsureSuccessStatusCode();

        await Kite.Integration.Tests.Fixtures.Eventually.BecomesAsync(
            async () => (await client.GetAsync($"/api/v1/namespaces/{ns}/kv/short")).StatusCode, s => s == HttpStatusCode.NotFound, "the key expires");

        await (await client.PutAsync(new Uri($"/api/v1/namespaces/{ns}/kv/-bad", UriKind.Relative), Text("1"))).ProblemAsync(HttpStatusCode.BadRequest, "key");
        using var badTtl = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/namespaces/{ns}/kv/ok") { Content = Text("1") };
        badTtl.Headers.Add("ttl", "soon");
        await (await client.SendAsync(badTtl)).ProblemAsync(HttpStatusCode.BadRequest, "ttl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync(new Uri($"/api/v1/namespaces/{ns}/kv", UriKind.Relative))).StatusCode);
    }
}
