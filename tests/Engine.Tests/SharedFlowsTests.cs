using Kite.Engine.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.Engine.Tests;

/// <summary>The benchmark flows of ../shared/flows run unchanged to SUCCESS.</summary>
[Collection(EngineCollection.Name)]
public sealed class SharedFlowsTests(EngineFixture engine, ITestOutputHelper output)
{
    private static string Flow(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", file));

    [Fact]
    public async Task Webhook_simple_outputs_the_trigger_body_and_logs_it()
    {
        var execution = await engine.RunAsync(Flow("webhook-simple.yaml"), trigger: new() { ["body"] = "hello" });

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(["output", "log"], execution.TaskIds);
        Assert.Contains(await engine.LogsAsync(execution.Id), l => l is { Level: "INFO", Message: "hello", TaskId: "log" });
    }

    [Fact]
    public async Task Five_ifs_take_the_then_branch_of_each_if_with_the_default_input()
    {
        var execution = await engine.RunAsync(Flow("five-ifs.yaml"));
        output.WriteLine($"five-ifs: {execution.DurationMs} ms from creation to end (database timestamps)");

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(10, execution.TaskRuns.Count);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Contains($"hello-true-{i}", execution.TaskIds));
    }

    [Theory]
    [InlineData("foreach-log-160.yaml", 160)]
    [InlineData("foreach-outputvalues-160.yaml", 160)]
    [InlineData("foreach-100-parallel.yaml", 100)]
    public async Task A_foreach_runs_its_task_once_per_value(string file, int values)
    {
        var execution = await engine.RunAsync(Flow(file));
        output.WriteLine($"{file}: {execution.DurationMs} ms from creation to end (database timestamps)");

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(values + 1, execution.TaskRuns.Count);
        Assert.Equal(Enumerable.Range(1, values).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            execution.TaskRuns.Skip(1).Select(r => r.Value!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nested_foreach_2100_runs_2111_task_runs_and_each_output_names_its_three_loop_values()
    {
        var execution = await engine.RunAsync(Flow("nested-foreach-2100.yaml"), timeout: TimeSpan.FromMinutes(3));
        output.WriteLine($"nested-foreach-2100: {execution.DurationMs} ms from creation to end (database timestamps)");

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(2111, execution.TaskRuns.Count);
        var outputs = execution.TaskRuns.Where(r => r.TaskId == "output").Select(r => r.Outputs!).ToList();
        Assert.Equal(2000, outputs.Count);
        Assert.Contains("{\"values\": {\"path\": \"10/10/20\"}}", outputs);
        Assert.Contains("{\"values\": {\"path\": \"3/7/1\"}}", outputs);
    }

    [Fact]
    public async Task Sleep_5s_sleeps_on_the_worker_and_succeeds()
    {
        var started = DateTimeOffset.UtcNow;

        var execution = await engine.RunAsync(Flow("sleep-5s.yaml"));

        Assert.Equal("SUCCESS", execution.State);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(5));
    }
}
