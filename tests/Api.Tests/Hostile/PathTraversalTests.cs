using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kite.Api.Flows;
using Kite.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Hostile;

/// <summary>
/// Path traversal against the file routes where it would matter most: internal storage in a local folder, with a
/// secret planted beside the storage root, inside it and in another execution's folder. Kite has no namespace-files
/// routes; an execution's file download, metas and preview (<c>?path=kestra:///...</c>) and FILE uploads are the
/// only ways a request reaches storage. The forms ExecutionFilesApiTests already tries are not repeated here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PathTraversalTests(ApiFixture api) : IDisposable
{
    private const string Secret = "TOP SECRET: must never be served";

    private const string FileInput = """
        inputs:
          - id: data
            type: FILE
        """;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("kite-traversal-");

    private string Root => Path.Combine(folder.FullName, "storage");

    [Fact]
    public async Task No_encoding_of_a_path_outside_the_execution_reads_any_file_with_local_folder_storage()
    {
        await using var local = LocalStorageApi();
        using var client = SignedIn(local);
        var ns = UniqueNamespace("trav");
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "files", FileInput))).JsonAsync();
        var (mine, mineUri) = await UploadAsync(client, ns, "report.csv");
        var (other, _) = await UploadAsync(client, ns, "report.csv");
        var folders = ns.Replace('.', '/');
        var prefix = $"kestra:///{folders}/files/executions/{mine}";
        File.WriteAllText(Path.Combine(folder.FullName, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Root, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Root, folders, "files", "executions", other, "secret.txt"), Secret);

        string[] paths =
        [
            $"{prefix}/%252e%252e/{other}/secret.txt",
            $"{prefix}/inputs/data/..%252f..%252f..%252f..%252f..%252f..%252f..%252fsecret.txt",
            $"{prefix}/%c0%ae%c0%ae/%c0%ae%c0%ae/{other}/secret.txt",
            $"{prefix}/\uff0e\uff0e\uff0f{other}\uff0fsecret.txt",
            $"{prefix}/\u2024\u2024/{other}/secret.txt",
            $"{prefix}/%2e%2e%5c%2e%2e%5c{other}%5csecret.txt",
            $"{prefix}/inputs/data/report.csv/../../../../{other}/secret.txt",
            $"{prefix}/inputs/data/./../../../{other}/secret.txt",
            $"{prefix}/inputs/data/report.csv%00/../../../../{other}/secret.txt",
            $"{prefix}/inputs/data/",
            $"{prefix}",
            $"{prefix}extra/secret.txt",
            $"kestra:///{folders}/files/executions/{other}/secret.txt",
            $"kestra:///%2F{folders}/files/executions/{mine}/../{other}/secret.txt",
            $"kestra:///%2Fsecret.txt",
            "kestra:///..%2Fsecret.txt",
            "kestra:///..%2F..%2Fsecret.txt",
            $"kestra:///{folders}/files/executions/{mine}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt",
            $"KESTRA:///{folders}/files/executions/{mine}/inputs/data/report.csv",
            $"kestra:/{folders}/files/executions/{mine}/inputs/data/report.csv",
            $"file://{Path.Combine(folder.FullName, "secret.txt")}",
            Path.Combine(folder.FullName, "secret.txt"),
            "C:\\secret.txt",
        ];
        var wrong = new List<string>();

        foreach (var path in paths)
        {
            foreach (var route in new[] { "", "/metas", "/preview" })
            {
                using var response = await client.GetAsync($"/api/v1/executions/{mine}/file{route}?path={Uri.EscapeDataString(path)}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity) || body.Contains("TOP SECRET", StringComparison.Ordinal))
                {
                    wrong.Add($"{route} {path}: {(int)response.StatusCode} {body[..Math.Min(160, body.Length)]}");
                }
            }
        }

        // Given twice, the path is the two joined by a comma: still not a way out.
        using var twice = await client.GetAsync($"/api/v1/executions/{mine}/file?path={Uri.EscapeDataString(mineUri)}&path={Uri.EscapeDataString("kestra:///../secret.txt")}");
        Assert.DoesNotContain("TOP SECRET", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((int)twice.StatusCode is >= 400 and < 500, $"a repeated path answered {(int)twice.StatusCode}");
        Assert.Empty(wrong);
        using var own = await client.GetAsync($"/api/v1/executions/{mine}/file?path={Uri.EscapeDataString(mineUri)}");
        Assert.Equal("a,b\n1,2\n", await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_whose_file_or_field_name_traverses_is_kept_inside_its_execution_folder_or_refused()
    {
        await using var local = LocalStorageApi();
        using var client = SignedIn(local);
        var ns = UniqueNamespace("trav");
        await (await client.PostYamlAsync("/api/v1/flows", Flow(ns, "files", FileInput))).JsonAsync();
        var outside = Path.Combine(folder.FullName, "outside");
        Directory.CreateDirectory(outside);

        foreach (var name in new[] { "../../../../../../outside/evil.txt", "..\\..\\..\\..\\outside\\evil.txt", "%2e%2e%2f%2e%2e%2fevil.txt", "/etc/passwd", "..", "...", ".", "\u2024\u2024/evil.txt" })
        {
            var (id, uri) = await UploadAsync(client, ns, name);

            var prefix = $"kestra:///{ns.Replace('.', '/')}/files/executions/{id}/inputs/data/";
            Assert.StartsWith(prefix, uri, StringComparison.Ordinal);
            Assert.DoesNotContain("/", uri[prefix.Length..], StringComparison.Ordinal);
            Assert.DoesNotContain("..", uri[prefix.Length..], StringComparison.Ordinal);
        }

        using var field = new MultipartFormDataContent { { Csv(), "../../data", "report.csv" } };
        await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/files", UriKind.Relative), field)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "../../data");

        Assert.Empty(Directory.EnumerateFiles(outside, "*", SearchOption.AllDirectories));
        var stored = Directory.EnumerateFiles(folder.FullName, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'));
        Assert.All(stored, f => Assert.Matches($"^{ns.Replace('.', '/')}/files/executions/[0-9A-Za-z]{{22}}/inputs/data/[^/]+$", f));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private WebApplicationFactory<FlowStore> LocalStorageApi() => api.Api.WithWebHostBuilder(web =>
    {
        web.UseSetting("Kite:Storage:Type", "local");
        web.UseSetting("Kite:Storage:Root", Root);
    });

    private static HttpClient SignedIn(WebApplicationFactory<FlowStore> factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = ApiFixture.BasicHeader(ApiFixture.Username, ApiFixture.Password);
        return client;
    }

    private static async Task<(string Id, string Uri)> UploadAsync(HttpClient client, string ns, string fileName)
    {
        using var form = new MultipartFormDataContent { { Csv(), "data", fileName } };
        var execution = await (await client.PostAsync(new Uri($"/api/v1/executions/{ns}/files", UriKind.Relative), form)).JsonAsync();
        return ((string)execution["id"]!, (string)execution["inputs"]!["data"]!);
    }

    private static ByteArrayContent Csv()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("a,b\n1,2\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
