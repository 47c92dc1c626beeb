using System.Net;
using System.Text.Json.Nodes;
using Kite.Api.Live;
using Kite.Api.Tests.Fixtures;
using Kite.Messaging.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Api.Tests.Live;

[Collection(ApiCollection.Name)]
public sealed class FollowTests(ApiFixture fixture)
{
    private static string SleepingFlow(string ns, string id) => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: starting
          - id: pause
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.5S
          - id: last
            type: io.kestra.plugin.core.log.Log
            message: done
        """;

    private async Task<(HttpClient Client, string Ns)> FlowAsync(string id)
    {
        var client = fixture.EngineClient();
        var ns = ApiHttp.UniqueNamespace();
        (await client.PostYamlAsync("/api/v1/flows", SleepingFlow(ns, id))).EnsureSuccessStatusCode();
        return (client, ns);
    }

    [Fact]
    public async Task Follow_streams_start_then_each_change_then_end_and_closes_when_the_execution_ends()
    {
        var (client, ns) = await FlowAsync("follow");
        var created = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/follow", "{}")).JsonAsync();

        var events = await ServerSentEvents.ReadToEndAsync(client, $"/api/v1/main/executions/{created["id"]}/follow", TimeSpan.FromSeconds(60));

        Assert.Equal("start", events[0].Id);
        Assert.Equal("end", events[^1].Id);
        Assert.All(events.Skip(1).SkipLast(1), e => Assert.Equal("progress", e.Id));
        Assert.True(events.Count >= 3, $"expected progress between start and end, got {string.Join(", ", events.Select(e => e.Data["state"]!["current"]))}");
        Assert.Equal("SUCCESS", (string)events[^1].Data["state"]!["current"]!);
        Assert.Equal(3, events[^1].Data["taskRunList"]!.AsArray().Count);
        Assert.All(events, e => Assert.Equal((string)created["id"]!, (string)e.Data["id"]!));
    }

    [Fact]
    public async Task Following_an_ended_execution_answers_start_and_end_at_once()
    {
        var (client, ns) = await FlowAsync("ended");
        var ended = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/ended?wait=true", "{}")).JsonAsync();

        var events = await ServerSentEvents.ReadToEndAsync(client, $"/api/v1/executions/{ended["id"]}/follow", TimeSpan.FromSeconds(10));

        Assert.Equal(["start", "end"], events.Select(e => e.Id));
        Assert.Equal("SUCCESS", (string)events[1].Data["state"]!["current"]!);
    }

    [Fact]
    public async Task Create_with_wait_answers_once_the_execution_has_ended_with_its_task_runs()
    {
        var (client, ns) = await FlowAsync("waited");

        var execution = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/waited?wait=true", "{}")).JsonAsync();

        Assert.Equal("SUCCESS", (string)execution["state"]!["current"]!);
        Assert.Equal(["first", "pause", "last"], execution["taskRunList"]!.AsArray().Select(t => (string)t!["taskId"]!));
        Assert.NotNull(execution["state"]!["endDate"]);
    }

    [Fact]
    public async Task Follow_refuses_an_unknown_execution_and_anonymous_clients()
    {
        await (await fixture.EngineClient().GetAsync("/api/v1/executions/nosuchexecution/follow")).ProblemAsync(HttpStatusCode.NotFound, "nosuchexecution");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Engine.CreateClient().GetAsync(new Uri("/api/v1/executions/x/follow", UriKind.Relative))).StatusCode);
        await (await fixture.Client().PostJsonAsync("/api/v1/executions/a/b?wait=maybe", "{}")).ProblemAsync(HttpStatusCode.BadRequest, "wait");
    }

    [Fact]
    public async Task The_replica_fans_changes_out_from_one_subscription_however_many_clients_follow()
    {
        var (client, ns) = await FlowAsync("many");
        var created = await (await client.PostJsonAsync($"/api/v1/executions/{ns}/many", "{}")).JsonAsync();
        var path = $"/api/v1/executions/{created["id"]}/follow";

        var followers = Enumerable.Range(0, 5).Select(_ => ServerSentEvents.ReadToEndAsync(client, path, TimeSpan.FromSeconds(60))).ToList();
        var streams = await Task.WhenAll(followers);

        Assert.All(streams, events => Assert.Equal("SUCCESS", (string)events[^1].Data["state"]!["current"]!));
        Assert.Equal(0, fixture.Engine.Services.GetRequiredService<FanOut<ExecutionChanged>>().Keys);
    }
}
