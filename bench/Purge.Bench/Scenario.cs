namespace Kite.Purge.Bench;

/// <summary>A data set to purge: executions (2 % of them still running), log lines and metrics spread over them.</summary>
public sealed record Scenario(int Executions, int Logs, int Metrics)
{
    public override string ToString() => $"{Executions:N0} executions, {Logs:N0} logs, {Metrics:N0} metrics";
}
