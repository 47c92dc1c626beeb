namespace Kite.Bench.Scenarios;

/// <summary>How a scenario states its rates, as Kestra's figures do: executions per minute or per second.</summary>
internal enum RateUnit
{
    PerMinute,
    PerSecond,
}
