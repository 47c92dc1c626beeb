using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Executions;

/// <summary>FILE inputs sent as multipart file parts, and the routes that read an execution's files back.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExecutionFilesApiTests(ApiFixture api)
{
    private const string FileInputs = """
        inputs:
          - id: data
            type: FILE
          - id: count
            type: INT
            required: false
        """;

    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("a,b\n1,2\n3,4\n");

    private readonly HttpClient client = api.Client();

    [Fact]
    public async Task An_uploaded_FILE_input_is_stored_under_the_execution_and_read_back_through_the_file_routes()
    {
        var ns = await FlowAsync(client, FileInputs);
        using var form = new MultipartFormDataContent { { FileContent(Csv), "data", "report.csv" }, { new StringContent("3"), "count" } };

        var execution = await (await client.PostAsync(Relative($"/api/v1/executions/{ns}/files"), form)).JsonAsync();

        var id = (string)execution["id"]!;
        var uri = $"kestra:///{ns.Replace('.', '/')}/files/executions/{id}/inputs/data/report.csv";
        Assert.Equal(uri, (string)execution["inputs"]!["data"]!);
        var stored = await MigratedDatabase.QueryAsync(api.Database, $"SELECT inputs->>'data' FROM executions WHERE id = '{id}'", r => r.GetString(0));
        Assert.Equal([uri], stored);

        var download = await client.GetAsync(FileRoute(id, uri));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Csv, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("report.csv", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);

        var metas = await (await client.GetAsync(FileRoute(id, uri, "/metas"))).JsonAsync();
        Assert.Equal(Csv.Length, (long)metas["size"]!);

        var preview = await (await client.GetAsync(FileRoute(id, uri, "/preview") + "&maxRows=2")).JsonAsync();
        Assert.Equal("a,b\n1,2", (string)preview["content"]!);
        Assert.True((bool)preview["truncated"]!);
        Assert.Equal("TEXT", (string)preview["type"]!);
        Assert.Equal("csv", (string)preview["extension"]!);
    }

    [Fact]
    public async Task The_main_tenant_alias_takes_file_parts_and_a_file_name_is_reduced_to_one_safe_segment()
    {
        var ns = await FlowAsync(client, FileInputs);
        using var form = new MultipartFormDataContent { { FileContent(Csv), "data", "../../etc/my report.csv" } };

        var execution = await (await client.PostAsync(Relative($"/api/v1/main/executions/{ns}/files"), form)).JsonAsync();

        var uri = (string)execution["inputs"]!["data"]!;
        Assert.EndsWith($"/executions/{execution["id"]}/inputs/data/my_report.csv", uri, StringComparison.Ordinal);
        Assert.Equal(Csv, await (await client.GetAsync(FileRoute((string)execution["id"]!, uri).Replace("/api/v1/", "/api/v1/main/", StringComparison.Ordinal))).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_text_field_holding_a_kestra_URI_still_sets_a_FILE_input()
    {
        var ns = await FlowAsync(client, FileInputs);
        using var form = new MultipartFormDataContent { { new StringContent("kestra:///elsewhere/flow/executions/x/inputs/data/in.txt"), "data" } };

        var execution = await (await client.PostAsync(Relative($"/api/v1/executions/{ns}/files"), form)).JsonAsync();

        Assert.Equal("kestra:///elsewhere/flow/executions/x/inputs/data/in.txt", (string)execution["inputs"]!["data"]!);
    }

    [Fact]
    public async Task A_file_part_for_an_input_that_is_not_FILE_is_422_naming_it_and_leaves_no_file_and_no_execution()
    {
        var ns = await FlowAsync(client, FileInputs);
        using var form = new MultipartFormDataContent { { FileContent(Csv), "data", "ok.csv" }, { FileContent([1, 2, 3]), "count", "count.bin" } };

        var response = await client.PostAsync(Relative($"/api/v1/executions/{ns}/files"), form);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "count");
        await AssertNothingLeftAsync(ns);
    }

    [Fact]
    public async Task A_missing_required_FILE_input_is_422_and_a_refused_input_beside_an_upload_removes_the_upload()
    {
        var ns = await FlowAsync(client, FileInputs);
        using var missing = new MultipartFormDataContent { { new StringContent("1"), "count" } };
        using var badCount = new MultipartFormDataContent { { FileContent(Csv), "data", "ok.csv" }, { new StringContent("many"), "count" } };

        await (await client.PostAsync(Relative($"/api/v1/executions/{ns}/files"), missing)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "data");
        await (await client.PostAsync(Relative($"/api/v1/executions/{ns}/files"), badCount)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "count");

        await AssertNothingLeftAsync(ns);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_naming_the_limit_and_leaves_nothing()
    {
        await using var small = api.Api.WithWebHostBuilder(web => web.UseSetting("Api:MaxUploadBytes", "4096"));
        using var smallClient = small.CreateClient();
        smallClient.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password);
        var ns = await FlowAsync(smallClient, FileInputs);
        using var form = new MultipartFormDataContent { { FileContent(new byte[64 * 1024]), "data", "big.bin" } };

        using var streamed = new MultipartFormDataContent { { FileContent(new byte[64 * 1024]), "data", "big.bin" } };

        var declared = await smallClient.PostAsync(Relative($"/api/v1/executions/{ns}/files"), form);
        var chunked = await smallClient.PostAsync(Relative($"/api/v1/executions/{ns}/files"), new WithoutLength(streamed));

        foreach (var response in new[] { declared, chunked })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
            Assert.Contains("4096", (string)problem["detail"]!, StringComparison.Ordinal);
        }

        await AssertNothingLeftAsync(ns);
    }

    [Fact]
    public async Task A_path_outside_the_execution_is_refused_whether_traversal_another_execution_or_another_scheme()
    {
        var ns = await FlowAsync(client, FileInputs);
        var (mine, mineUri) = await UploadAsync(ns);
        var (other, otherUri) = await UploadAsync(ns);
        var prefix = $"kestra:///{ns.Replace('.', '/')}/files/executions/{mine}";

        var foreign = await (await client.GetAsync(FileRoute(mine, otherUri))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "path");
        Assert.Contains(other, (string)foreign["detail"]!, StringComparison.Ordinal);
        foreach (var path in new[]
        {
            $"{prefix}/../{other}/inputs/data/report.csv",
            $"{prefix}/%2e%2e/{other}/inputs/data/report.csv",
            $"{prefix}/inputs/data/..%2F..%2F..%2F{other}/inputs/data/report.csv",
            $"{prefix}/inputs\\..\\..\\{other}/inputs/data/report.csv",
            "kestra:///../../../../etc/passwd",
            "file:///etc/passwd",
            "/etc/passwd",
        })
        {
            foreach (var route in new[] { "", "/metas", "/preview" })
            {
                await (await client.GetAsync(FileRoute(mine, path, route))).ProblemAsync(HttpStatusCode.UnprocessableEntity, "path");
            }
        }

        await (await client.GetAsync($"/api/v1/executions/{mine}/file")).ProblemAsync(HttpStatusCode.BadRequest, "path");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(FileRoute(mine, mineUri))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_execution_or_file_is_404_and_anonymous_clients_are_401()
    {
        var ns = await FlowAsync(client, FileInputs);
        var (id, uri) = await UploadAsync(ns);
        var absent = uri.Replace("report.csv", "absent.csv", StringComparison.Ordinal);

        await (await client.GetAsync(FileRoute("noSuchExecution", uri))).ProblemAsync(HttpStatusCode.NotFound, "noSuchExecution");
        foreach (var route in new[] { "", "/metas", "/preview" })
        {
            await (await client.GetAsync(FileRoute(id, absent, route))).ProblemAsync(HttpStatusCode.NotFound, "absent.csv");
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync(Relative(FileRoute(id, uri, route)))).StatusCode);
        }

        using var anonymousForm = new MultipartFormDataContent { { FileContent(Csv), "data", "report.csv" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().PostAsync(Relative($"/api/v1/executions/{ns}/files"), anonymousForm)).StatusCode);
    }

    [Fact]
    public async Task Resume_stores_a_file_part_for_a_FILE_onResume_input_and_sends_its_URI()
    {
        var ns = UniqueNamespace();
        await (await client.PostYamlAsync("/api/v1/flows", $"""
            id: review
            namespace: {ns}
            tasks:
              - id: approve
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: evidence
                    type: FILE
            """)).JsonAsync();
        var id = (string)(await (await client.PostAsync(Relative($"/api/v1/executions/{ns}/review"), null)).JsonAsync())["id"]!;
        await PauseAsync(id, "approve");
        using var wrong = new MultipartFormDataContent { { FileContent(Csv), "other", "note.txt" } };
        using var form = new MultipartFormDataContent { { FileContent(Csv), "evidence", "note.txt" } };

        await (await client.PostAsync(Relative($"/api/v1/executions/{id}/resume"), wrong)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "other");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(Relative($"/api/v1/executions/{id}/resume"), form)).StatusCode);

        var resume = await Eventually.BecomesAsync(
            () => Task.FromResult(api.Recorded.Of<ResumeExecution>().FirstOrDefault(r => r.ExecutionId == id)), r => r is not null, "ResumeExecution is received");
        var uri = (string)JsonNode.Parse(resume!.Inputs!)!["evidence"]!;
        Assert.Equal($"kestra:///{ns.Replace('.', '/')}/review/executions/{id}/inputs/evidence/note.txt", uri);
        Assert.Equal(Csv, await (await client.GetAsync(FileRoute(id, uri))).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_task_on_the_worker_reads_the_uploaded_FILE_input()
    {
        var engine = api.EngineClient();
        var ns = UniqueNamespace();
        await (await engine.PostYamlAsync("/api/v1/flows", $$$"""
            id: reader
            namespace: {{{ns}}}
            inputs:
              - id: data
                type: FILE
            tasks:
              - id: read
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  uri: "{{ inputs.data }}"
                  content: "{{ read(inputs.data) }}"
            """)).JsonAsync();
        using var form = new MultipartFormDataContent { { FileContent(Csv), "data", "report.csv" } };

        var execution = await (await engine.PostAsync(Relative($"/api/v1/executions/{ns}/reader?wait=true"), form)).JsonAsync();

        Assert.Equal("SUCCESS", (string)execution["state"]!["current"]!);
        var values = execution["taskRunList"]![0]!["outputs"]!["values"]!;
        Assert.Equal((string)execution["inputs"]!["data"]!, (string)values["uri"]!);
        Assert.Equal(Encoding.UTF8.GetString(Csv), (string)values["content"]!);
    }

    private static ByteArrayContent FileContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private async Task<(string Id, string Uri)> UploadAsync(string ns)
    {
        using var form = new MultipartFormDataContent { { FileContent(Csv), "data", "report.csv" } };
        var execution = await (await client.PostAsync(Relative($"/api/v1/executions/{ns}/files"), form)).JsonAsync();
        return ((string)execution["id"]!, (string)execution["inputs"]!["data"]!);
    }

    private static async Task<string> FlowAsync(HttpClient http, string extra)
    {
        var ns = UniqueNamespace();
        await (await http.PostYamlAsync("/api/v1/flows", Flow(ns, "files", extra))).JsonAsync();
        return ns;
    }

    private async Task AssertNothingLeftAsync(string ns)
    {
        var files = await MigratedDatabase.QueryAsync(api.Database, $"SELECT path FROM storage_files WHERE path LIKE '{ns.Replace('.', '/')}/%'", r => r.GetString(0));
        Assert.Empty(files);
        var executions = await MigratedDatabase.QueryAsync(api.Database, $"SELECT id FROM executions WHERE namespace = '{ns}'", r => r.GetString(0));
        Assert.Empty(executions);
    }

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

    private static string FileRoute(string id, string path, string route = "") =>
        $"/api/v1/executions/{id}/file{route}?path={Uri.EscapeDataString(path)}";

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    /// <summary>A body sent chunked, with no Content-Length, so the Api can only find it too large while reading it.</summary>
    private sealed class WithoutLength : HttpContent
    {
        private readonly HttpContent inner;

        public WithoutLength(HttpContent inner)
        {
            this.inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
