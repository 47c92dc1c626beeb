using System.Text;
using Kite.Core.Values;
using Kite.Engine.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary>storage.Write, http.Request and http.Download, end to end, against a Kestrel endpoint started by the test.</summary>
[Collection(EngineCollection.Name)]
public sealed class HttpAndStorageTaskTests(EngineFixture engine, LocalHttpServer server) : IClassFixture<LocalHttpServer>
{
    [Fact]
    public async Task Write_stores_rendered_content_that_read_gives_back_to_the_next_task()
    {
        var execution = await engine.RunAsync("""
            id: write-read
            namespace: company.files
            tasks:
              - id: write
                type: io.kestra.plugin.core.storage.Write
                content: "id,name\n1,{{ flow.id }}"
                extension: .csv
              - id: back
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(outputs.write.uri) }}"
            """);

        Assert.Equal("SUCCESS", execution.State);
        var uri = (string)execution.Run("write").Outputs()["uri"]!;
        Assert.Matches(@"^kestra:///company/files/write-read/executions/" + execution.Id + @"/tasks/write/[^/]+/[^/]+\.csv$", uri);
        Assert.Equal("id,name\n1,write-read", Encoding.UTF8.GetString((await engine.ReadFileAsync(uri))!));
        Assert.Equal("id,name\n1,write-read", execution.Run("back").Outputs()["value"]);
    }

    [Fact]
    public async Task Request_outputs_code_headers_and_body()
    {
        var execution = await engine.RunAsync($"""
            id: request-get
            namespace: company.http
            tasks:
              - id: call
                type: io.kestra.plugin.core.http.Request
                uri: "{server.Url}/hello"
            """);

        Assert.Equal("SUCCESS", execution.State);
        var outputs = execution.Run("call").Outputs();
        Assert.Equal(200L, outputs["code"]);
        Assert.Equal("hello from the server", outputs["body"]);
        Assert.Equal(["yes"], (List<object?>)((Dictionary<string, object?>)outputs["headers"]!)["X-Kite"]!);
    }

    [Fact]
    public async Task Request_sends_a_rendered_json_body_with_headers_params_and_basic_auth()
    {
        var execution = await engine.RunAsync($$$"""
            id: request-post
            namespace: company.http
            tasks:
              - id: call
                type: io.kestra.plugin.core.http.Request
                uri: "{{{server.Url}}}/echo"
                method: POST
                params:
                  page: "2"
                headers:
                  X-Custom: "flow-{{ flow.id }}"
                body:
                  name: "{{ flow.namespace }}"
                  count: 3
                options:
                  auth:
                    type: BASIC
                    username: kite
                    password: secret
            """);

        Assert.Equal("SUCCESS", execution.State);
        var echo = (Dictionary<string, object?>)PlainJson.Parse((string)execution.Run("call").Outputs()["body"]!)!;
        Assert.Equal("POST", echo["method"]);
        Assert.StartsWith("application/json", (string)echo["contentType"]!, StringComparison.Ordinal);
        Assert.Equal("""{"name":"company.http","count":3}""", echo["body"]);
        Assert.Equal("?page=2", echo["query"]);
        Assert.Equal("flow-request-post", echo["custom"]);
        Assert.Equal("Basic " + Convert.ToBase64String("kite:secret"u8.ToArray()), echo["authorization"]);
    }

    [Fact]
    public async Task Request_sends_form_data_url_encoded()
    {
        var execution = await engine.RunAsync($$$"""
            id: request-form
            namespace: company.http
            tasks:
              - id: call
                type: io.kestra.plugin.core.http.Request
                uri: "{{{server.Url}}}/echo"
                method: POST
                formData:
                  user: "{{ flow.id }}"
                  note: a b
            """);

        var echo = (Dictionary<string, object?>)PlainJson.Parse((string)execution.Run("call").Outputs()["body"]!)!;
        Assert.Equal("application/x-www-form-urlencoded", echo["contentType"]);
        Assert.Equal("user=request-form&note=a+b", echo["body"]);
    }

    [Fact]
    public async Task Request_fails_on_a_500_naming_the_code_unless_allowFailed_and_then_outputs_it()
    {
        var execution = await engine.RunAsync($"""
            id: request-500
            namespace: company.http
            tasks:
              - id: tolerated
                type: io.kestra.plugin.core.http.Request
                uri: "{server.Url}/status/503"
                options:
                  allowFailed: true
              - id: strict
                type: io.kestra.plugin.core.http.Request
                uri: "{server.Url}/status/500"
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Equal(503L, execution.Run("tolerated").Outputs()["code"]);
        Assert.Equal("status 503", execution.Run("tolerated").Outputs()["body"]);
        Assert.Equal("FAILED", execution.Run("strict").State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.TaskId == "strict" && l.Level == "ERROR" && l.Message.Contains("answered 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_stops_waiting_after_options_readTimeout_and_a_redirect_is_followed_unless_told_not_to()
    {
        var execution = await engine.RunAsync($"""
            id: request-timeouts
            namespace: company.http
            tasks:
              - id: followed
                type: io.kestra.plugin.core.http.Request
                uri: "{server.Url}/redirect"
              - id: kept
                type: io.kestra.plugin.core.http.Request
                uri: "{server.Url}/redirect"
                options:
                  followRedirects: false
              - id: slow
                type: io.kestra.plugin.core.http.Request
                uri: "{server.Url}/slow"
                options:
                  connectTimeout: PT1S
            """);

        Assert.Equal("hello from the server", execution.Run("followed").Outputs()["body"]);
        Assert.Equal(302L, execution.Run("kept").Outputs()["code"]);
        Assert.Equal("FAILED", execution.Run("slow").State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.TaskId == "slow" && l.Message.Contains("connectTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_streams_a_large_body_into_storage_and_outputs_uri_code_and_length()
    {
        var execution = await engine.RunAsync($"""
            id: download-big
            namespace: company.http
            tasks:
              - id: fetch
                type: io.kestra.plugin.core.http.Download
                uri: "{server.Url}/files/big.bin"
            """);

        Assert.Equal("SUCCESS", execution.State);
        var outputs = execution.Run("fetch").Outputs();
        Assert.Equal(200L, outputs["code"]);
        Assert.Equal((long)LocalHttpServer.BigFileBytes, outputs["length"]);
        Assert.EndsWith("/big.bin", (string)outputs["uri"]!, StringComparison.Ordinal);
        Assert.Equal(LocalHttpServer.Pattern(LocalHttpServer.BigFileBytes), await engine.ReadFileAsync((string)outputs["uri"]!));
    }

    [Fact]
    public async Task Download_of_an_empty_body_fails_unless_failOnEmptyResponse_is_false()
    {
        var execution = await engine.RunAsync($"""
            id: download-empty
            namespace: company.http
            tasks:
              - id: accepted
                type: io.kestra.plugin.core.http.Download
                uri: "{server.Url}/empty"
                failOnEmptyResponse: false
              - id: refused
                type: io.kestra.plugin.core.http.Download
                uri: "{server.Url}/empty"
            """);

        Assert.Equal(0L, execution.Run("accepted").Outputs()["length"]);
        Assert.Equal("FAILED", execution.Run("refused").State);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l.TaskId == "refused" && l.Message.Contains("empty body", StringComparison.Ordinal));
    }
}
