using System.Globalization;

namespace Kite.Bench.Scenarios;

/// <summary>Every scenario of issue 8 that this program runs, by number and command name.</summary>
internal static class ScenarioCatalog
{
    private static string? Small(int i) => string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i},\"message\":\"hello\"}}");

    private static string? Order(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"order_id":{{i}},"first_name":"Ada","last_name":"Lovelace","address":{"city":"London","country":"UK"},
         "items":[{"product_id":1,"quantity":2,"price_per_unit":9.5},{"product_id":2,"quantity":1,"price_per_unit":20}]}
        """);

    public static readonly IReadOnlyList<Scenario> All =
    [
        new RateScenario(1, "webhook-simple", "Webhook → OutputValues → Log, open loop", "webhook-simple.yaml", RateUnit.PerMinute,
            [250, 1000, 1500, 2000, 3000, 4000, 6000], Small, KestraFigures.WebhookSimple),
        new RateScenario(2, "realtime-json", "JSON transform (JSONata) per event, open loop", "realtime-json.yaml", RateUnit.PerSecond,
            [10, 25, 50, 75, 100, 150, 200], Order, KestraFigures.RealtimeJson),
        new RateScenario(3, "five-ifs", "Five If flowables with a Log each, 10 executions/s", "five-ifs.yaml", RateUnit.PerSecond,
            [10], _ => null, KestraFigures.FiveIfs),
        new SingleExecutionScenario(4, "foreach", "ForEach flows, one execution at a time, best of N",
        [
            ("foreach-log-160.yaml", "13 s (44 s before 0.23)"),
            ("foreach-outputvalues-160.yaml", "24 s (44 s before 0.23)"),
            ("foreach-100-parallel.yaml", null),
            ("nested-foreach-2100.yaml", null),
        ]),
        new RateScenario(5, "sleep-5s", "A 5 s Sleep per execution, open loop", "sleep-5s.yaml", RateUnit.PerMinute,
            [500, 1000, 1500, 2000, 3000, 4000, 6000], _ => null, KestraFigures.Sleep5s),
        new RateScenario(6, "ten-thousand", "webhook-simple at 33 executions/s (10,000 in 5 minutes with --duration 300)",
            "webhook-simple.yaml", RateUnit.PerSecond, [33.3], Small),
        new FloorScenario(),
        new PurgeUnderLoadScenario(Small),
        new SoakScenario(Small),
    ];

    /// <summary>"all", or scenario names or numbers separated by commas ("five-ifs,4,floor").</summary>
    public static IReadOnlyList<Scenario> Select(string command)
    {
        if (command == "all")
        {
            return All;
        }

        var wanted = command.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. All.Where(s => wanted.Contains(s.Name) || wanted.Contains(s.Number.ToString(CultureInfo.InvariantCulture)))];
    }
}
