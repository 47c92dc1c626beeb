using System.Net;
using Kite.Api.Tests.Fixtures;

namespace Kite.Api.Tests.Logs;

[Collection(ApiCollection.Name)]
public sealed class LogsApiTests(ApiFixture fixture)
{
    private static string LoggingFlow(string ns) => $"""
        id: logging
        namespace: {ns}
        tasks:
          - id: chatty
            type: io.kestra.plugin.core.log.Log
            level: DEBUG
            message: [one, two]
          - id: pause
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.3S
          - id: warning
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: careful
        """;

    private async Task<(HttpClient Client, string Ns, string ExecutionId)> RunAsync(bool wait = true)
    {
        var client = fixture.EngineClient();
        var ns = ApiHttp.UniqueNamespace("logs");
        (await client.PostYamlAsync("/api/v1/flows", LoggingFlow(ns))).EnsureSuccessStatusCode();
        var execution = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/logging?wait={wait}", "{}")).JsonAsync();
        return (client, ns, (string)execution["id"]!);
    }

    [Fact]
    public async Task Logs_of_an_execution_filter_by_minLevel_and_task_and_download_as_text()
    {
        var (client, _, id) = await RunAsync();

        var all = (await (await client.GetAsync($"/api/v1/logs/{id}")).JsonAsync()).AsArray();
        var warnings = (await (await client.GetAsync($"/api/v1/logs/{id}?minLevel=WARN")).JsonAsync()).AsArray();
        var chatty = (await (await client.GetAsync($"/api/v1/main/logs/{id}?taskId=chatty")).JsonAsync()).AsArray();
        var text = await (await client.GetAsync($"/api/v1/logs/{id}/download")).Content.ReadAsStringAsync();

        Assert.Equal(["one", "two", "careful"], all.Select(l => (string)l!["message"]!));
        Assert.Equal(["careful"], warnings.Select(l => (string)l!["message"]!));
        Assert.All(chatty, l => Assert.Equal("DEBUG", (string)l!["level"]!));
        Assert.Equal(id, (string)all[0]!["executionId"]!);
        Assert.Contains("WARN  [warning] careful", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Log_search_pages_with_a_total_and_delete_removes_an_executions_lines()
    {
        var (client, ns, id) = await RunAsync();

        var page = await (await client.GetAsync($"/api/v1/logs/search?namespace={ns}&size=2&page=2&sort=timestamp:asc")).JsonAsync();
        Assert.Equal(3, (long)page["total"]!);
        Assert.Equal(["careful"], page["results"]!.AsArray().Select(l => (string)l!["message"]!));
        var warned = await (await client.GetAsync($"/api/v1/logs/search?filters[namespace][EQUALS]={ns}&minLevel=WARN")).JsonAsync();
        Assert.Equal(1, (long)warned["total"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/logs/{id}", UriKind.Relative))).StatusCode);
        Assert.Empty((await (await client.GetAsync($"/api/v1/logs/{id}")).JsonAsync()).AsArray());
    }

    [Fact]
    public async Task Follow_streams_every_line_as_it_is_written_and_closes_when_the_execution_ends()
    {
        var (client, _, id) = await RunAsync(wait: false);

        var events = await ServerSentEvents.ReadToEndAsync(client, $"/api/v1/logs/{id}/follow", TimeSpan.FromSeconds(60));

        Assert.Equal(["one", "two", "careful"], events.Select(e => (string)e.Data["message"]!));
        var ids = events.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task Bad_log_requests_name_what_is_wrong()
    {
        var client = fixture.Client();
        await (await client.GetAsync("/api/v1/logs/nosuchexecution")).ProblemAsync(HttpStatusCode.NotFound, "nosuchexecution");
        await (await client.GetAsync("/api/v1/logs/nosuchexecution/follow")).ProblemAsync(HttpStatusCode.NotFound, "nosuchexecution");
        await (await client.GetAsync("/api/v1/logs/nosuchexecution/download")).ProblemAsync(HttpStatusCode.NotFound, "nosuchexecution");
        await (await client.GetAsync("/api/v1/logs/x?minLevel=LOUD")).ProblemAsync(HttpStatusCode.BadRequest, "minLevel");
        await (await client.GetAsync("/api/v1/logs/search?size=0")).ProblemAsync(HttpStatusCode.BadRequest, "size");
        await (await client.GetAsync("/api/v1/logs/search?sort=message:up")).ProblemAsync(HttpStatusCode.BadRequest, "sort");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync(new Uri("/api/v1/logs/search", UriKind.Relative))).StatusCode);
    }
}
