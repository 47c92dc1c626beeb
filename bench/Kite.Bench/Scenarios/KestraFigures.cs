namespace Kite.Bench.Scenarios;

/// <summary>
/// Kestra's published figures for the same flows (bench/flows/README.md), as table text per rate and as chart points
/// (executions/min, latency in seconds, which Kestra).
/// </summary>
internal static class KestraFigures
{
    public static readonly IReadOnlyDictionary<double, string> WebhookSimple = new Dictionary<double, string>
    {
        [250] = "0.31 s (OSS 0.23)",
        [1000] = "0.47 s (OSS 0.23)",
        [1500] = "0.9 s (OSS 0.23)",
        [2000] = "24 s (OSS 0.23)",
        [3000] = "13 s (1.0)",
        [4000] = "0.64 s (Kafka 1.0)",
    };

    public static readonly IReadOnlyDictionary<double, string> RealtimeJson = new Dictionary<double, string>
    {
        [10] = "0.15 s (JDBC 0.22)",
        [100] = "25 s (JDBC 0.22), 0.3 s (Kafka 0.22)",
        [200] = "1.9 s (Kafka 0.22)",
    };

    public static readonly IReadOnlyDictionary<double, string> FiveIfs = new Dictionary<double, string> { [10] = "4 s per execution (12 s before 0.23)" };

    public static readonly IReadOnlyDictionary<double, string> Sleep5s = new Dictionary<double, string>
    {
        [1000] = "5.1 s (1.0)",
        [1500] = "5.1 s (1.0)",
        [2000] = "13 s (1.0)",
    };

    public sealed record Point(string Scenario, string Series, double PerMinute, double Seconds);

    public static readonly IReadOnlyList<Point> Points =
    [
        new("webhook-simple", "Kestra OSS 0.23 (4 vCPU)", 250, 0.31),
        new("webhook-simple", "Kestra OSS 0.23 (4 vCPU)", 1000, 0.47),
        new("webhook-simple", "Kestra OSS 0.23 (4 vCPU)", 1500, 0.9),
        new("webhook-simple", "Kestra OSS 0.23 (4 vCPU)", 2000, 24),
        new("webhook-simple", "Kestra 1.0", 2500, 0.635),
        new("webhook-simple", "Kestra 1.0", 3000, 13),
        new("webhook-simple", "Kestra 1.0 Kafka", 4000, 0.64),
        new("realtime-json", "Kestra 0.22 JDBC", 600, 0.15),
        new("realtime-json", "Kestra 0.22 JDBC", 6000, 25),
        new("realtime-json", "Kestra 0.22 Kafka", 6000, 0.3),
        new("realtime-json", "Kestra 0.22 Kafka", 12000, 1.9),
        new("sleep-5s", "Kestra 1.0", 1000, 5.1),
        new("sleep-5s", "Kestra 1.0", 1500, 5.1),
        new("sleep-5s", "Kestra 1.0", 2000, 13),
    ];
}
