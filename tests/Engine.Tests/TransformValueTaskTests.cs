using Kite.Engine.Tests.Fixtures;

namespace Kite.Engine.Tests;

/// <summary>jsonata.TransformValue on the worker: JSONata's reference implementation in Jint, with a budget per evaluation.</summary>
[Collection(EngineCollection.Name)]
public sealed class TransformValueTaskTests(EngineFixture engine)
{
    private static string Flow(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", file));

    [Fact]
    public async Task Realtime_json_transforms_the_webhook_body_into_the_order_summary()
    {
        var body = new Dictionary<string, object?>
        {
            ["order_id"] = 17L,
            ["first_name"] = "Ada",
            ["last_name"] = "Lovelace",
            ["address"] = new Dictionary<string, object?> { ["city"] = "London", ["country"] = "UK" },
            ["items"] = new List<object?>
            {
                new Dictionary<string, object?> { ["quantity"] = 2L, ["price_per_unit"] = 2.5 },
                new Dictionary<string, object?> { ["quantity"] = 1L, ["price_per_unit"] = 10L },
            },
        };

        var execution = await engine.RunAsync(Flow("realtime-json.yaml"), trigger: new() { ["body"] = body });

        Assert.Equal("SUCCESS", execution.State);
        var value = (Dictionary<string, object?>)execution.Run("transform").Outputs()["value"]!;
        Assert.Equal(17L, value["order_id"]);
        Assert.Equal("Ada Lovelace", value["customer_name"]);
        Assert.Equal("London, UK", value["address"]);
        Assert.Equal(15L, value["total_price"]);
        var values = (Dictionary<string, object?>)execution.Run("hello").Outputs()["values"]!;
        Assert.Contains("Ada Lovelace", Convert.ToString(values["log"], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_functions_and_an_empty_result_follow_JSONata()
    {
        var execution = await engine.RunAsync("""
            id: jsonata-semantics
            namespace: company.transform
            tasks:
              - id: filter
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"items":[{"n":"a","p":3},{"n":"b","p":12},{"n":"c","p":20}]}'
                expression: 'items[p > 10].n'
              - id: functions
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"words":["kite","flies"]}'
                expression: '$uppercase($join(words, " ")) & "!" '
              - id: nothing
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"a":1}'
                expression: 'missing.field'
              - id: rendered
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: "{{ outputs.filter.value | json }}"
                expression: '$count($)'
            """);

        Assert.Equal("SUCCESS", execution.State);
        Assert.Equal(["b", "c"], (List<object?>)execution.Run("filter").Outputs()["value"]!);
        Assert.Equal("KITE FLIES!", execution.Run("functions").Outputs()["value"]);
        Assert.Null(execution.Run("nothing").Outputs()["value"]);
        Assert.Equal(2L, execution.Run("rendered").Outputs()["value"]);
    }

    [Fact]
    public async Task A_syntax_error_a_non_JSON_from_and_a_runaway_recursion_each_fail_their_task_run_with_the_reason_and_the_worker_goes_on()
    {
        var execution = await engine.RunAsync("""
            id: jsonata-errors
            namespace: company.transform
            tasks:
              - id: syntax
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"a":1}'
                expression: '(a + '
                allowFailure: true
              - id: notJson
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: 'not json at all'
                expression: 'a'
                allowFailure: true
              - id: recursion
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"n":1}'
                expression: '($f := function($x){ 1 + $f($x + 1) }; $f(n))'
                maxDepth: 200
                allowFailure: true
              - id: endless
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"n":1}'
                expression: '($f := function($x){ $f($x & "more") }; $f("")) '
                allowFailure: true
              - id: typeError
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"a":"text"}'
                expression: 'a + 1'
                allowFailure: true
              - id: after
                type: io.kestra.plugin.transform.jsonata.TransformValue
                from: '{"a":41}'
                expression: 'a + 1'
            """);

        Assert.Equal("WARNING", execution.State);
        Assert.All(["syntax", "notJson", "recursion", "endless", "typeError"], id => Assert.Equal("WARNING", execution.Run(id).State));
        Assert.Equal(42L, execution.Run("after").Outputs()["value"]);
        var logs = await engine.LogsAsync(execution.Id);
        Assert.Contains(logs, l => l.TaskId == "syntax" && l.Message.Contains("JSONata (S0", StringComparison.Ordinal) && l.Message.Contains("at character", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.TaskId == "notJson" && l.Message.Contains("from must be a JSON document", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.TaskId == "recursion" && l.Message.Contains("maxDepth 200", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.TaskId == "endless" && l.Message.Contains("(Kite:Worker:Transform", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.TaskId == "typeError" && l.Message.Contains("JSONata (T2001", StringComparison.Ordinal));
    }
}
