using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.Engine.Tests.Limits;

/// <summary>A ForEach over 10,000 values runs each iteration once and ends; the executor's rows stay proportionate.</summary>
[Collection(EngineCollection.Name)]
public sealed class LargeForEachTests(EngineFixture engine, ITestOutputHelper output)
{
    [Theory]
    [InlineData("foreach-10k-unlimited", 10_000, "concurrencyLimit: 0", "io.kestra.plugin.core.debug.Return", "format")]
    [InlineData("foreach-2k-limit-100", 2_000, "concurrencyLimit: 100", "io.kestra.plugin.core.log.Log", "message")]
    [InlineData("foreach-1k-default-limit", 1_000, "", "io.kestra.plugin.core.log.Log", "message")]
    public async Task A_foreach_over_many_values_runs_each_iteration_once_and_succeeds(string flowId, int values, string concurrency, string childType, string property)
    {
        var started = DateTimeOffset.UtcNow;
        var execution = await engine.RunAsync($$$"""
            id: {{{flowId}}}
            namespace: kite.limits
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, {{{values}}}) }}"
                {{{concurrency}}}
                tasks:
                  - id: child
                    type: {{{childType}}}
                    {{{property}}}: "value {{ taskrun.value }}"
            """, timeout: TimeSpan.FromMinutes(10));
        output.WriteLine($"{flowId}: {execution.State} after {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s (execution {execution.DurationMs} ms)");

        Assert.Equal("SUCCESS", execution.State);
        var children = execution.TaskRuns.Where(r => r.TaskId == "child").ToList();
        Assert.Equal(values, children.Count);
        Assert.All(children, r => Assert.Equal("SUCCESS", r.State));
        Assert.Equal(values, children.Select(r => r.Value).Distinct(StringComparer.Ordinal).Count());
        var sizes = await MigratedDatabase.QueryAsync(engine.Database,
            $"SELECT pg_column_size(e.*), (SELECT count(*) FROM task_runs t WHERE t.execution_id = e.id) FROM executions e WHERE e.id = '{execution.Id}'",
            r => (Row: r.GetInt32(0), TaskRuns: r.GetInt64(1)));
        output.WriteLine($"{flowId}: execution row {sizes[0].Row:N0} bytes, {sizes[0].TaskRuns:N0} task runs");
        Assert.Equal(values + 1, sizes[0].TaskRuns);
    }
}
