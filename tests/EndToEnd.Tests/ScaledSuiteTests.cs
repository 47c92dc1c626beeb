using System.Text;
using System.Text.Json.Nodes;
using Kite.EndToEnd.Tests.Fixtures;

namespace Kite.EndToEnd.Tests;

/// <summary>
/// Several replicas of every engine service at once, as the Kubernetes manifests run them: executions of the benchmark
/// flows end SUCCESS with the work shared by both executors and all workers through their queues
/// (<see cref="SchedulerFailureTests"/> covers two schedulers claiming from the same table).
/// </summary>
[Collection(ScaledSuiteCollection.Name)]
public sealed class ScaledSuiteTests(ScaledSuite scaled)
{
    private static string Flow(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", file));

    [Fact]
    public async Task Every_replica_is_up_and_the_benchmark_flows_end_SUCCESS_with_two_executors_and_three_workers()
    {
        var rows = await scaled.Suite.ResourcesAsync();
        foreach (var id in new[] { "executor-0", "executor-1", "worker-0", "worker-1", "worker-2", "scheduler-0", "scheduler-1", "api-0", "api-1" })
        {
            Assert.True(rows.Single(r => r.Id == id).IsUp, $"{id} is up");
        }

        using var api = await SuiteApi.ConnectAsync(scaled.Suite);
        foreach (var file in new[] { "five-ifs.yaml", "foreach-100-parallel.yaml", "foreach-outputvalues-160.yaml", "webhook-simple.yaml" })
        {
            await api.SaveFlowAsync(Flow(file));
        }

        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await api.TryStartAsync("company.team", "bench-flowable") ?? throw new InvalidOperationException("five-ifs refused"));
            ids.Add(await api.TryStartAsync("company.team", "foreach-100-parallel") ?? throw new InvalidOperationException("foreach-100-parallel refused"));
            using var hook = await api.Client.PostAsync("/api/v1/executions/webhook/company.team/webhook-simple/webhook-simple",
                new StringContent($$"""{"n":{{i}}}""", Encoding.UTF8, "application/json"));
            ids.Add((string)JsonNode.Parse(await hook.Content.ReadAsStringAsync())!["id"]!);
        }

        ids.Add(await api.TryStartAsync("company.team", "hummingbird_outputs") ?? throw new InvalidOperationException("foreach-outputvalues-160 refused"));

        var states = await SuiteApi.UntilAsync(async () => await api.StatesAsync(ids) is var s && s.All(SuiteApi.IsTerminal) ? s : null,
            "every execution ends", TimeSpan.FromMinutes(3));
        Assert.All(states, s => Assert.Equal("SUCCESS", s));
    }
}
