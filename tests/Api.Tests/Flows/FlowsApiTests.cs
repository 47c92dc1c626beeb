using System.Net;
using System.Text;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Flows;

[Collection(ApiCollection.Name)]
public sealed class FlowsApiTests(ApiFixture api)
{
    private readonly HttpClient client = api.Client();

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/main")]
    public async Task Create_answers_the_flow_in_Kestra_shape_with_revision_1_and_its_source_and_publishes_FlowChanged(string prefix)
    {
        var ns = UniqueNamespace();
        var yaml = Flow(ns, "hello", "labels:\n  team: data\ninputs:\n  - id: count\n    type: INT\n    defaults: 3");

        var flow = await (await client.PostYamlAsync($"{prefix}/flows", yaml)).JsonAsync();

        Assert.Equal("hello", (string)flow["id"]!);
        Assert.Equal(ns, (string)flow["namespace"]!);
        Assert.Equal(1, (int)flow["revision"]!);
        Assert.Equal(yaml, (string)flow["source"]!);
        Assert.False((bool)flow["deleted"]!);
        Assert.False((bool)flow["disabled"]!);
        Assert.Equal("io.kestra.plugin.core.log.Log", (string)flow["tasks"]![0]!["type"]!);
        Assert.Equal(3, (long)flow["inputs"]![0]!["defaults"]!);
        Assert.Equal("team", (string)flow["labels"]![0]!["key"]!);
        Assert.Equal("data", (string)flow["labels"]![0]!["value"]!);
        await Eventually.BecomesAsync(
            () => Task.FromResult(api.Recorded.Of<FlowChanged>().Any(m => m.Namespace == ns && m.FlowId == "hello" && m.Revision == 1 && !m.Deleted)),
            seen => seen, "FlowChanged for revision 1 is received");
    }

    [Fact]
    public async Task A_flow_sent_as_text_yaml_is_accepted()
    {
        using var content = new StringContent(Flow(UniqueNamespace(), "plain"), Encoding.UTF8, "text/yaml");

        var flow = await (await client.PostAsync(new Uri("/api/v1/flows", UriKind.Relative), content)).JsonAsync();

        Assert.Equal("plain", (string)flow["id"]!);
    }

    [Fact]
    public async Task Creating_a_flow_that_exists_is_a_conflict()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "twice"))).JsonAsync();

        var again = await client.PostYamlAsync("/api/v1/flows", Flow(ns, "twice"));

        await again.ProblemAsync(HttpStatusCode.Conflict, "already exists");
    }

    [Fact]
    public async Task An_invalid_flow_is_refused_with_422_naming_each_violation_by_path_and_line()
    {
        var yaml = $"id: broken\nnamespace: {UniqueNamespace()}\ntasks:\n  - id: a\n    message: no type here\n";

        var response = await client.PostYamlAsync("/api/v1/flows", yaml);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "tasks[0]");
        var violation = problem["violations"]!.AsArray().Single()!;
        Assert.StartsWith("tasks[0]", (string)violation["path"]!, StringComparison.Ordinal);
        Assert.Equal(4, (int)violation["line"]!);
        Assert.False(string.IsNullOrEmpty((string?)violation["message"]));
    }

    [Fact]
    public async Task Yaml_that_does_not_parse_is_422_with_its_line()
    {
        var response = await client.PostYamlAsync("/api/v1/flows", "id: x\nnamespace: y\ntasks: [\n  - {\n");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid YAML");
        Assert.True((int)problem["violations"]![0]!["line"]! >= 1);
    }

    [Fact]
    public async Task A_flow_sent_as_json_is_415_and_one_over_the_size_limit_is_413()
    {
        var json = await client.PostJsonAsync("/api/v1/flows", "{\"id\": \"x\"}");
        await json.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type");

        var huge = Flow(UniqueNamespace(), "huge", "description: " + new string('x', 600 * 1024));
        var tooLarge = await client.PostYamlAsync("/api/v1/flows", huge);
        await tooLarge.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Update_adds_a_revision_and_the_same_source_adds_none()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "f"))).JsonAsync();
        var changed = Flow(ns, "f", "description: second");

        var updated = await (await client.PutYamlAsync($"/api/v1/flows/{ns}/f", changed)).JsonAsync();
        var unchanged = await (await client.PutYamlAsync($"/api/v1/main/flows/{ns}/f", changed)).JsonAsync();

        Assert.Equal(2, (int)updated["revision"]!);
        Assert.Equal("second", (string)updated["description"]!);
        Assert.Equal(2, (int)unchanged["revision"]!);
    }

    [Fact]
    public async Task Update_refuses_an_unknown_flow_a_changed_id_and_an_invalid_flow()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "f"))).JsonAsync();

        await (await client.PutYamlAsync($"/api/v1/flows/{ns}/nope", Flow(ns, "nope"))).ProblemAsync(HttpStatusCode.NotFound, "nope");
        await (await client.PutYamlAsync($"/api/v1/flows/{ns}/f", Flow(ns, "other"))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "id");
        await (await client.PutYamlAsync($"/api/v1/flows/{ns}/f", $"id: f\nnamespace: {ns}\ntasks: []\n")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "tasks");
    }

    [Fact]
    public async Task Get_answers_with_source_only_when_asked_and_a_given_revision()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "g"))).JsonAsync();
        await (await client.PutYamlAsync($"/api/v1/flows/{ns}/g", Flow(ns, "g", "description: two"))).JsonAsync();

        var latest = await (await client.GetAsync($"/api/v1/flows/{ns}/g")).JsonAsync();
        var withSource = await (await client.GetAsync($"/api/v1/main/flows/{ns}/g?source=true")).JsonAsync();
        var first = await (await client.GetAsync($"/api/v1/flows/{ns}/g?revision=1")).JsonAsync();

        Assert.Equal(2, (int)latest["revision"]!);
        Assert.Null(latest["source"]);
        Assert.Contains("description: two", (string)withSource["source"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)first["revision"]!);
        Assert.Null(first["description"]);
    }

    [Fact]
    public async Task Get_refuses_an_unknown_flow_and_bad_parameters()
    {
        var ns = UniqueNamespace();
        await (await client.GetAsync($"/api/v1/flows/{ns}/missing")).ProblemAsync(HttpStatusCode.NotFound, "missing");
        await (await client.GetAsync($"/api/v1/flows/{ns}/missing?revision=abc")).ProblemAsync(HttpStatusCode.BadRequest, "revision");
        await (await client.GetAsync($"/api/v1/flows/{ns}/missing?source=maybe")).ProblemAsync(HttpStatusCode.BadRequest, "source");
    }

    [Fact]
    public async Task Delete_is_a_new_revision_marked_deleted_and_hides_the_flow()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "d"))).JsonAsync();

        var deleted = await client.DeleteAsync(new Uri($"/api/v1/flows/{ns}/d", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await client.GetAsync($"/api/v1/flows/{ns}/d")).ProblemAsync(HttpStatusCode.NotFound, "d");
        var kept = await (await client.GetAsync($"/api/v1/flows/{ns}/d?allowDeleted=true")).JsonAsync();
        Assert.True((bool)kept["deleted"]!);
        Assert.Equal(2, (int)kept["revision"]!);
        var revisions = (await (await client.GetAsync($"/api/v1/flows/{ns}/d/revisions")).JsonAsync()).AsArray();
        Assert.Equal([1, 2], revisions.Select(r => (int)r!["revision"]!));
        await (await client.DeleteAsync(new Uri($"/api/v1/flows/{ns}/d", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "d");
        await Eventually.BecomesAsync(
            () => Task.FromResult(api.Recorded.Of<FlowChanged>().Any(m => m.Namespace == ns && m.Revision == 2 && m.Deleted)),
            seen => seen, "FlowChanged for the deleting revision is received");

        var recreated = await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "d"))).JsonAsync();
        Assert.Equal(3, (int)recreated["revision"]!);
    }

    [Fact]
    public async Task Revisions_of_an_unknown_flow_is_404()
    {
        await (await client.GetAsync($"/api/v1/flows/{UniqueNamespace()}/none/revisions")).ProblemAsync(HttpStatusCode.NotFound, "none");
    }

    [Fact]
    public async Task Search_pages_with_the_total_of_all_pages_and_filters_by_namespace_q_and_labels()
    {
        var ns = UniqueNamespace();
        foreach (var id in new[] { "alpha1", "alpha2", "beta1", "beta2", "gamma1" })
        {
            var labels = id.StartsWith("alpha", StringComparison.Ordinal) ? "labels:\n  group: a" : "";
            await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, id, labels))).JsonAsync();
        }

        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns + ".child", "x1"))).JsonAsync();
        await client.DeleteAsync(new Uri($"/api/v1/flows/{ns}/gamma1", UriKind.Relative));

        var page1 = await (await client.GetAsync($"/api/v1/flows/search?namespace={ns}&page=1&size=2&sort=id:asc")).JsonAsync();
        var page3 = await (await client.GetAsync($"/api/v1/main/flows/search?namespace={ns}&page=3&size=2&sort=id:asc")).JsonAsync();
        var byQ = await (await client.GetAsync($"/api/v1/flows/search?namespace={ns}&q=beta")).JsonAsync();
        var byLabel = await (await client.GetAsync($"/api/v1/flows/search?namespace={ns}&labels=group:a")).JsonAsync();
        var exact = await (await client.GetAsync($"/api/v1/flows/search?filters[namespace][EQUALS]={ns}&sort=id:desc")).JsonAsync();

        Assert.Equal(5, (long)page1["total"]!);
        Assert.Equal(["alpha1", "alpha2"], page1["results"]!.AsArray().Select(f => (string)f!["id"]!));
        Assert.Equal(["x1"], page3["results"]!.AsArray().Select(f => (string)f!["id"]!));
        Assert.Equal(2, (long)byQ["total"]!);
        Assert.Equal(2, (long)byLabel["total"]!);
        Assert.Equal(["beta2", "beta1", "alpha2", "alpha1"], exact["results"]!.AsArray().Select(f => (string)f!["id"]!));
        Assert.Equal(4, (long)exact["total"]!);
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("page=-1", "page")]
    [InlineData("size=many", "size")]
    [InlineData("sort=source:asc", "sort")]
    [InlineData("sort=id:sideways", "sort")]
    [InlineData("filters[namespace][LOOKS_LIKE]=x", "filters[namespace][LOOKS_LIKE]")]
    [InlineData("filters[color][EQUALS]=x", "filters[color][EQUALS]")]
    [InlineData("labels=novalue", "labels")]
    public async Task Search_refuses_bad_parameters_naming_them(string query, string parameter)
    {
        await (await client.GetAsync($"/api/v1/flows/search?{query}")).ProblemAsync(HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task List_by_namespace_answers_the_latest_live_revision_of_each_flow()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "one"))).JsonAsync();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "two"))).JsonAsync();
        await (await client.PutYamlAsync($"/api/v1/flows/{ns}/two", Flow(ns, "two", "description: v2"))).JsonAsync();

        var list = (await (await client.GetAsync($"/api/v1/flows/{ns}")).JsonAsync()).AsArray();

        Assert.Equal(["one", "two"], list.Select(f => (string)f!["id"]!));
        Assert.Equal(2, (int)list[1]!["revision"]!);
    }

    [Fact]
    public async Task Validate_answers_one_result_per_document_with_located_violations()
    {
        var ns = UniqueNamespace();
        var yaml = Flow(ns, "good") + "\n---\n" + $"id: bad\nnamespace: {ns}\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Nope\n";

        var results = (await (await client.PostYamlAsync("/api/v1/flows/validate", yaml)).JsonAsync()).AsArray();

        Assert.Equal(2, results.Count);
        Assert.True((bool)results[0]!["valid"]!);
        Assert.False((bool)results[1]!["valid"]!);
        Assert.Equal("bad", (string)results[1]!["id"]!);
        var violation = results[1]!["violations"]![0]!;
        Assert.StartsWith("tasks[0]", (string)violation["path"]!, StringComparison.Ordinal);
        Assert.True((int)violation["line"]! > 0);
        Assert.Contains("Nope", (string)violation["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_refuses_a_body_that_is_not_yaml()
    {
        var response = await client.PostJsonAsync("/api/v1/flows/validate", "{}");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Disable_and_enable_write_new_revisions_that_keep_the_rest_of_the_source()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "toggle", "# keep this comment"))).JsonAsync();
        var body = $"[{{\"namespace\": \"{ns}\", \"id\": \"toggle\"}}]";

        var disabled = await (await client.PostJsonAsync("/api/v1/flows/disable/by-ids", body)).JsonAsync();
        var again = await (await client.PostJsonAsync("/api/v1/flows/disable/by-ids", body)).JsonAsync();
        var flow = await (await client.GetAsync($"/api/v1/flows/{ns}/toggle?source=true")).JsonAsync();

        Assert.Equal(1, (int)disabled["count"]!);
        Assert.Equal(0, (int)again["count"]!);
        Assert.True((bool)flow["disabled"]!);
        Assert.Equal(2, (int)flow["revision"]!);
        Assert.Contains("# keep this comment", (string)flow["source"]!, StringComparison.Ordinal);

        var enabled = await (await client.PostJsonAsync("/api/v1/main/flows/enable/by-ids", body)).JsonAsync();
        var after = await (await client.GetAsync($"/api/v1/flows/{ns}/toggle")).JsonAsync();
        Assert.Equal(1, (int)enabled["count"]!);
        Assert.False((bool)after["disabled"]!);
        Assert.Equal(3, (int)after["revision"]!);
    }

    [Fact]
    public async Task Disable_refuses_a_body_that_is_not_a_list_of_flows_and_an_unknown_flow()
    {
        await (await client.PostJsonAsync("/api/v1/flows/disable/by-ids", "{\"namespace\": 1")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await client.PostJsonAsync("/api/v1/flows/disable/by-ids", "[{\"namespace\": \"x\"}]")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        var unknown = $"[{{\"namespace\": \"{UniqueNamespace()}\", \"id\": \"ghost\"}}]";
        await (await client.PostJsonAsync("/api/v1/flows/enable/by-ids", unknown)).ProblemAsync(HttpStatusCode.NotFound, "ghost");
    }
}
