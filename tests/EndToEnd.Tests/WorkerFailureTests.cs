using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

/// <summary>Kill -9 a worker while executions sleep on it: RabbitMQ hands its unacked jobs to the other worker, and every execution ends.</summary>
[Collection(SuiteCollection.Name)]
public sealed class WorkerFailureTests(RunningSuite suite)
{
    private const int Executions = 20;

    [Fact]
    public async Task Every_execution_ends_SUCCESS_when_a_worker_is_killed_while_20_executions_sleep()
    {
        using var api = await ApiAsync();
        var flow = """
            id: sleepers
            namespace: kite.faults
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT3S
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: woke up
            """;
        using (var saved = await api.PostAsync("/api/v1/flows", new StringContent(flow, Encoding.UTF8, "application/x-yaml")))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        var ids = new List<string>();
        for (var i = 0; i < Executions; i++)
        {
            using var created = await api.PostAsync("/api/v1/executions/kite.faults/sleepers", null);
            ids.Add((string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!);
        }

        await UntilAsync(async () => (await StatesAsync(api, ids)).Count(s => s == "RUNNING") == Executions, "every execution runs");
        var victim = (await suite.ResourcesAsync()).Single(r => r.Id == "worker-0");
        System.Diagnostics.Process.GetProcessById(victim.Pid!.Value).Kill();

        var states = await UntilAsync(async () => await StatesAsync(api, ids) is var s && s.All(x => x is "SUCCESS" or "FAILED" or "KILLED" or "WARNING") ? s : null, "every execution ends", TimeSpan.FromMinutes(2));
        Assert.All(states, s => Assert.Equal("SUCCESS", s));
    }

    private async Task<HttpClient> ApiAsync()
    {
        var info = await suite.Dashboard.GetFromJsonAsync<JsonObject>("/api/info");
        var client = new HttpClient { BaseAddress = new Uri((string)info!["api"]!) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(string)info["username"]!}:{(string)info["password"]!}")));
        return client;
    }

    private static async Task<List<string>> StatesAsync(HttpClient api, IEnumerable<string> ids)
    {
        var states = new List<string>();
        foreach (var id in ids)
        {
            var execution = await api.GetFromJsonAsync<JsonObject>($"/api/v1/executions/{id}");
            states.Add((string)execution!["state"]!["current"]!);
        }

        return states;
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Timed out waiting until {what}");
    }

    private static Task<string> UntilAsync(Func<Task<bool>> probe, string what) =>
        UntilAsync(async () => await probe() ? "yes" : null, what);
}
