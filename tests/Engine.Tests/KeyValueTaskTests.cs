using Kite.Engine.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary>kv.Set, kv.Get and kv.Delete with Kestra's semantics, end to end on the kv table.</summary>
[Collection(EngineCollection.Name)]
public sealed class KeyValueTaskTests(EngineFixture engine)
{
    [Fact]
    public async Task Set_then_Get_and_kv_function_read_the_typed_value_in_the_flows_namespace_and_Delete_reports_it()
    {
        var execution = await engine.RunAsync("""
            id: kv-roundtrip
            namespace: company.kv
            tasks:
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  order:
                    id: 7
                    items: [a, b]
              - id: set
                type: io.kestra.plugin.core.kv.Set
                key: "order_{{ flow.id }}"
                value: "{{ outputs.values.values.order }}"
                kvDescription: the last order
              - id: count
                type: io.kestra.plugin.core.kv.Set
                key: count
                value: "42"
                kvType: NUMBER
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: "order_kv-roundtrip"
              - id: fn
                type: io.kestra.plugin.core.debug.Return
                format: "{{ kv('count') + 1 }}"
              - id: delete
                type: io.kestra.plugin.core.kv.Delete
                key: count
              - id: again
                type: io.kestra.plugin.core.kv.Delete
                key: count
              - id: missing
                type: io.kestra.plugin.core.kv.Get
                key: count
            """);

        Assert.Equal("SUCCESS", execution.State);
        var order = (Dictionary<string, object?>)execution.Run("get").Outputs()["value"]!;
        Assert.Equal(7L, order["id"]);
        Assert.Equal(["a", "b"], (List<object?>)order["items"]!);
        Assert.Equal("43", execution.Run("fn").Outputs()["value"]);
        Assert.Equal(true, execution.Run("delete").Outputs()["deleted"]);
        Assert.Equal(false, execution.Run("again").Outputs()["deleted"]);
        Assert.Null(execution.Run("missing").Outputs()["value"]);
        var rows = await MigratedDatabase.QueryAsync(engine.Database,
            "SELECT key, type, description FROM kv WHERE namespace = 'company.kv' ORDER BY key", r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        Assert.Equal([("order_kv-roundtrip", "JSON", "the last order")], rows);
    }

    [Fact]
    public async Task Overwrite_false_fails_on_an_existing_key_and_errorOnMissing_fails_Get_and_Delete()
    {
        var execution = await engine.RunAsync("""
            id: kv-errors
            namespace: company.kv.errors
            tasks:
              - id: first
                type: io.kestra.plugin.core.kv.Set
                key: k
                value: one
              - id: second
                type: io.kestra.plugin.core.kv.Set
                key: k
                value: two
                overwrite: false
                allowFailure: true
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: k
              - id: strictGet
                type: io.kestra.plugin.core.kv.Get
                namespace: company.elsewhere
                key: k
                errorOnMissing: true
                allowFailure: true
              - id: strictDelete
                type: io.kestra.plugin.core.kv.Delete
                namespace: company.elsewhere
                key: k
                errorOnMissing: true
            """);

        Assert.Equal("FAILED", execution.State);
        Assert.Equal("one", execution.Run("get").Outputs()["value"]);
        var logs = await engine.LogsAsync(execution.Id);
        Assert.Contains(logs, l => l.TaskId == "second" && l.Message.Contains("overwrite is false", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.TaskId == "strictGet" && l.Message.Contains("no key 'k' in namespace 'company.elsewhere'", StringComparison.Ordinal));
        Assert.Equal("FAILED", execution.Run("strictDelete").State);
    }

    [Fact]
    public async Task A_key_set_with_a_ttl_expires()
    {
        var execution = await engine.RunAsync("""
            id: kv-ttl
            namespace: company.kv.ttl
            tasks:
              - id: set
                type: io.kestra.plugin.core.kv.Set
                key: short
                value: soon gone
                ttl: PT1S
              - id: wait
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1.5S
              - id: get
                type: io.kestra.plugin.core.kv.Get
                key: short
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Null(execution.Run("get").Outputs()["value"]);
    }
}
