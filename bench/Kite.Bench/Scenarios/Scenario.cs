using Kite.Bench.Reporting;

namespace Kite.Bench.Scenarios;

/// <summary>One benchmark scenario: a number and a command name (both select it), and what it measures.</summary>
internal abstract class Scenario(int number, string name, string title)
{
    public int Number => number;
    public string Name => name;
    public string Title => title;

    public abstract Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
