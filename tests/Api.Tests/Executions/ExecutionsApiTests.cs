using System.Net;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Npgsql;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Executions;

[Collection(ApiCollection.Name)]
public sealed class ExecutionsApiTests(ApiFixture api)
{
    private const string Inputs = """
        labels:
          team: data
        inputs:
          - id: count
            type: INT
          - id: when
            type: DATETIME
            required: false
          - id: greeting
            type: STRING
            defaults: hi
        """;

    private readonly HttpClient client = api.Client();

    [Fact]
    public async Task Create_with_json_inputs_writes_a_CREATED_execution_with_coerced_inputs_and_labels_and_publishes_ExecutionCreated()
    {
        var ns = await FlowAsync("typed", Inputs);

        var execution = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/typed?labels=env:test&labels=team:ops", "{\"count\": \"42\"}")).JsonAsync();

        var id = (string)execution["id"]!;
        Assert.Equal(22, id.Length);
        Assert.Equal(ns, (string)execution["namespace"]!);
        Assert.Equal("typed", (string)execution["flowId"]!);
        Assert.Equal(1, (int)execution["flowRevision"]!);
        Assert.Equal("CREATED", (string)execution["state"]!["current"]!);
        Assert.Equal("CREATED", (string)execution["state"]!["histories"]![0]!["state"]!);
        Assert.Empty(execution["taskRunList"]!.AsArray());
        Assert.Equal(42, (long)execution["inputs"]!["count"]!);
        Assert.Equal("hi", (string)execution["inputs"]!["greeting"]!);
        var labels = execution["labels"]!.AsArray().ToDictionary(l => (string)l!["key"]!, l => (string)l!["value"]!);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "ops", ["env"] = "test" }, labels);
        await Eventually.BecomesAsync(
            () => Task.FromResult(api.Recorded.Of<ExecutionCreated>().Any(m => m.ExecutionId == id)),
            seen => seen, "ExecutionCreated is received");
        var state = await MigratedDatabase.QueryAsync(api.Database, $"SELECT state FROM executions WHERE deleted = false AND id = '{id}'", r => r.GetString(0));
        Assert.Equal(["CREATED"], state);
    }

    [Fact]
    public async Task The_answer_to_a_create_is_the_execution_as_a_later_GET_reads_it()
    {
        var ns = await FlowAsync("answered", Inputs);

        var answered = await (await client.PostJsonAsync(
            $"/api/v1/executions/{ns}/answered?labels=env:test&scheduleDate=2030-01-02T03:04:05.1234567%2B02:00",
            """{"count": "42", "when": "2025-06-01T10:00:00.1234567Z", "greeting": "Grüße"}""")).JsonAsync();
        var read = await (await client.GetAsync($"/api/v1/executions/{answered["id"]}")).JsonAsync();

        // No executor runs this Api's executions: nothing but the duration can have changed since the answer.
        Assert.Equal("CREATED", (string)answered["state"]!["current"]!);
        ExecutionJson.AssertSameBesidesDuration(read, answered);
    }

    [Fact]
    public async Task An_execution_created_after_a_save_runs_the_revision_just_saved()
    {
        var ns = await FlowAsync("resaved", Inputs);
        var first = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/resaved", """{"count": 1}""")).JsonAsync();
        Assert.Equal("hi", (string)first["inputs"]!["greeting"]!);

        var saved = Flow(ns, "resaved", Inputs.Replace("defaults: hi", "defaults: hello", StringComparison.Ordinal));
        (await client.PutYamlAsync($"/api/v1/flows/{ns}/resaved", saved)).EnsureSuccessStatusCode();

        var second = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/resaved", """{"count": 1}""")).JsonAsync();
        Assert.Equal(2, (int)second["flowRevision"]!);
        Assert.Equal("hello", (string)second["inputs"]!["greeting"]!);
    }

    [Fact]
    public async Task Create_with_multipart_form_inputs_coerces_each_field()
    {
        var ns = await FlowAsync("form", Inputs);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("7"), "count" },
            { new StringContent("2026-01-02T03:04:05Z"), "when" },
        };

        var response = await client.PostAsync(new Uri($"/api/v1/main/executions/{ns}/form", UriKind.Relative), form);

        var execution = await response.JsonAsync();
        Assert.Equal(7, (long)execution["inputs"]!["count"]!);
        Assert.StartsWith("2026-01-02T03:04:05", (string)execution["inputs"]!["when"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SECRET_input_is_answered_and_stored_only_as_cipher_text()
    {
        var ns = await FlowAsync("secret", "inputs:\n  - id: pw\n    type: SECRET\n");

        var response = await client.PostJsonAsync($"/api/v1/executions/{ns}/secret", "{\"pw\": \"hunter22-by-the-api\"}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("hunter22-by-the-api", text, StringComparison.Ordinal);
        var execution = JsonNode.Parse(text)!;
        Assert.Equal("io.kestra.datatype:aes_encrypted", (string)execution["inputs"]!["pw"]!["type"]!);
        var id = (string)execution["id"]!;
        var stored = await MigratedDatabase.QueryAsync(api.Database, $"SELECT inputs::text FROM executions WHERE id = '{id}'", r => r.GetString(0));
        Assert.DoesNotContain("hunter22-by-the-api", Assert.Single(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22-by-the-api", await client.GetStringAsync(new Uri($"/api/v1/executions/{id}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_inputs_are_422_with_one_error_naming_each_input()
    {
        var ns = await FlowAsync("strict", Inputs);

        var response = await client.PostJsonAsync($"/api/v1/executions/{ns}/strict", "{\"when\": \"not a date\"}");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "count");
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!["input"]!).Order().ToList();
        Assert.Equal(["count", "when"], errors);
    }

    [Fact]
    public async Task Create_refuses_an_unknown_flow_bad_labels_bad_json_a_wrong_media_type_a_file_part_and_a_bad_schedule_date()
    {
        var ns = await FlowAsync("refuse", Inputs);
        var path = $"/api/v1/executions/{ns}/refuse";

        await (await client.PostJsonAsync($"/api/v1/executions/{ns}/ghost", "{}")).ProblemAsync(HttpStatusCode.NotFound, "ghost");
        await (await client.PostJsonAsync(path + "?labels=nocolon", "{\"count\": 1}")).ProblemAsync(HttpStatusCode.BadRequest, "labels");
        await (await client.PostJsonAsync(path, "{\"count\": ")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await client.PostJsonAsync(path, "[1, 2]")).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await client.PostJsonAsync(path + "?scheduleDate=tomorrow", "{\"count\": 1}")).ProblemAsync(HttpStatusCode.BadRequest, "scheduleDate");
        await (await client.PostAsync(new Uri(path, UriKind.Relative), Yaml("count: 1"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type");
        using var file = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "count", "count.bin" } };
        await (await client.PostAsync(new Uri(path, UriKind.Relative), file)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "count");
        var many = "{" + string.Join(",", Enumerable.Range(0, 150).Select(i => $"\"i{i}\": 1")) + "}";
        await (await client.PostJsonAsync(path, many)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "inputs");
    }

    [Fact]
    public async Task A_disabled_flow_cannot_be_executed()
    {
        var ns = await FlowAsync("off", "disabled: true");

        var response = await client.PostJsonAsync($"/api/v1/executions/{ns}/off", "{}");

        await response.ProblemAsync(HttpStatusCode.Conflict, "disabled");
    }

    [Fact]
    public async Task Get_answers_the_execution_with_its_task_runs_and_404_for_an_unknown_id()
    {
        var ns = await FlowAsync("get", "");
        var id = await ExecuteAsync(ns, "get");
        await InsertTaskRunAsync(id);

        var execution = await (await client.GetAsync($"/api/v1/main/executions/{id}")).JsonAsync();

        Assert.Equal(id, (string)execution["id"]!);
        var taskRun = execution["taskRunList"]![0]!;
        Assert.Equal("hello", (string)taskRun["taskId"]!);
        Assert.Equal("SUCCESS", (string)taskRun["state"]!["current"]!);
        await (await client.GetAsync("/api/v1/executions/doesNotExist")).ProblemAsync(HttpStatusCode.NotFound, "doesNotExist");
    }

    [Fact]
    public async Task Search_pages_with_totals_and_filters_by_namespace_flow_state_labels_and_dates()
    {
        var ns = await FlowAsync("s1", "");
        await FlowAsync("s2", "", ns);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ExecuteAsync(ns, "s1", i % 2 == 0 ? "?labels=parity:even" : ""));
        }

        ids.Add(await ExecuteAsync(ns, "s2"));
        await SetStateAsync(ids[0], "SUCCESS");

        async Task<JsonNode> Search(string query) => await (await client.GetAsync($"/api/v1/executions/search?namespace={ns}&{query}")).JsonAsync();

        var page1 = await Search("page=1&size=4");
        var page2 = await Search("page=2&size=4");
        Assert.Equal(6, (long)page1["total"]!);
        Assert.Equal(4, page1["results"]!.AsArray().Count);
        Assert.Equal(2, page2["results"]!.AsArray().Count);
        Assert.Equal(6, (long)page2["total"]!);
        Assert.Equal(5, (long)(await Search("flowId=s1"))["total"]!);
        Assert.Equal(1, (long)(await Search("state=SUCCESS"))["total"]!);
        Assert.Equal(5, (long)(await Search("filters[state][NOT_EQUALS]=SUCCESS"))["total"]!);
        Assert.Equal(3, (long)(await Search("labels=parity:even"))["total"]!);
        Assert.Equal(3, (long)(await Search("filters[labels][EQUALS][parity]=even"))["total"]!);
        Assert.Equal(1, (long)(await Search("filters[flowId][IN]=s2,nope"))["total"]!);
        Assert.Equal(6, (long)(await Search("startDate=2020-01-01T00:00:00Z&timeRange=PT1H"))["total"]!);
        Assert.Equal(0, (long)(await Search("filters[startDate][LESS_THAN]=2020-01-01T00:00:00Z"))["total"]!);
        var oldest = await Search("sort=state.startDate:asc&size=1");
        Assert.Equal(ids[0], (string)oldest["results"]![0]!["id"]!);
        var legacy = await (await client.GetAsync($"/api/v1/main/executions?namespace={ns}&flowId=s2")).JsonAsync();
        Assert.Equal(ids[5], (string)legacy["results"]![0]!["id"]!);
    }

    [Fact]
    public async Task A_namespace_filter_holds_the_namespace_and_its_children_but_not_its_neighbours()
    {
        var ns = UniqueNamespace();
        string[] inside = [ns, ns + ".child", ns + ".child.deep"];
        string[] neighbours = [ns + "-x", ns + "z", ns + "_", ns[..^1]];
        foreach (var each in inside.Concat(neighbours))
        {
            await FlowAsync("f", "", each);
            await ExecuteAsync(each, "f");
        }

        var found = await (await client.GetAsync($"/api/v1/executions/search?namespace={ns}&size=50")).JsonAsync();
        var namespaces = found["results"]!.AsArray().Select(e => (string)e!["namespace"]!).Order(StringComparer.Ordinal);

        Assert.Equal(inside.Order(StringComparer.Ordinal), namespaces);
        Assert.Equal(3, (long)found["total"]!);
        var exact = await (await client.GetAsync($"/api/v1/executions/search?filters[namespace][EQUALS]={ns}.child")).JsonAsync();
        Assert.Equal(1, (long)exact["total"]!);
    }

    [Theory]
    [InlineData("state=DANCING", "state")]
    [InlineData("startDate=yesterday", "startDate")]
    [InlineData("filters[endDate][CONTAINS]=2020", "filters[endDate][CONTAINS]")]
    [InlineData("timeRange=a+while", "timeRange")]
    [InlineData("size=100000", "size")]
    [InlineData("sort=inputs:asc", "sort")]
    [InlineData("includeDeleted=perhaps", "includeDeleted")]
    [InlineData("filters[scope][EQUALS]=USER", "filters[scope][EQUALS]")]
    public async Task Search_refuses_bad_parameters_naming_them(string query, string parameter)
    {
        await (await client.GetAsync($"/api/v1/executions/search?{query}")).ProblemAsync(HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task Delete_is_soft_refused_while_the_execution_runs_and_visible_with_includeDeleted()
    {
        var ns = await FlowAsync("del", "");
        var id = await ExecuteAsync(ns, "del");
        var path = new Uri($"/api/v1/executions/{id}", UriKind.Relative);

        await (await client.DeleteAsync(path)).ProblemAsync(HttpStatusCode.Conflict, "CREATED");
        await SetStateAsync(id, "SUCCESS");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(path)).StatusCode);

        await (await client.GetAsync(path.ToString())).ProblemAsync(HttpStatusCode.NotFound, id);
        await (await client.DeleteAsync(path)).ProblemAsync(HttpStatusCode.NotFound, id);
        Assert.Equal(0, (long)(await (await client.GetAsync($"/api/v1/executions/search?namespace={ns}")).JsonAsync())["total"]!);
        var withDeleted = await (await client.GetAsync($"/api/v1/executions/search?namespace={ns}&includeDeleted=true")).JsonAsync();
        Assert.Equal(1, (long)withDeleted["total"]!);
        Assert.True((bool)withDeleted["results"]![0]!["deleted"]!);
    }

    private async Task<string> FlowAsync(string id, string extra, string? ns = null)
    {
        ns ??= UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, id, extra))).JsonAsync();
        return ns;
    }

    private async Task<string> ExecuteAsync(string ns, string flowId, string query = "")
    {
        var execution = await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/{flowId}{query}", UriKind.Relative), null)).JsonAsync();
        return (string)execution["id"]!;
    }

    // Stands in for the executor, the only writer of an execution after CREATED.
    private async Task SetStateAsync(string id, string state)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE executions SET state = @state, end_date = now() WHERE id = @id", connection);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    private async Task InsertTaskRunAsync(string executionId)
    {
        await using var connection = new NpgsqlConnection(api.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO task_runs (id, execution_id, task_id, state, state_history, start_date, end_date) " +
            "VALUES (@id, @execution, 'hello', 'SUCCESS', '[{\"state\": \"CREATED\", \"date\": \"2026-01-01T00:00:00Z\"}]', now(), now())",
            connection);
        command.Parameters.AddWithValue("id", executionId + "-t");
        command.Parameters.AddWithValue("execution", executionId);
        await command.ExecuteNonQueryAsync();
    }
}
