namespace Kite.Bench.Reporting;

/// <summary>
/// Everything in bench/results/latest.json: the machine of the latest run and the last result of each scenario.
/// Running one scenario replaces only that scenario's result, so the file collects a whole set over several runs.
/// </summary>
internal sealed record BenchReport(MachineInfo Machine, IReadOnlyList<ScenarioResult> Scenarios)
{
    public static BenchReport Merge(BenchReport? previous, IReadOnlyList<ScenarioResult> fresh, MachineInfo machine)
    {
        var kept = (previous?.Scenarios ?? []).Where(old => fresh.All(f => f.Name != old.Name));
        return new BenchReport(machine, [.. kept.Concat(fresh).OrderBy(s => s.Number)]);
    }
}
