namespace Kite.Purge.Bench;

/// <summary>One way of purging one scenario, timed over several fresh seedings.</summary>
public sealed record Measurement(Scenario Scenario, string Method, IReadOnlyList<double> Seconds)
{
    public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);

    public double ExecutionsPerSecond => (Scenario.Executions - BenchSeeder.Running(Scenario.Executions)) / Median;
}
