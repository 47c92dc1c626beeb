using System.Globalization;
using Kite.Bench.Scenarios;
using ScottPlot;

namespace Kite.Bench.Reporting;

/// <summary>
/// Median latency against achieved throughput for scenarios 1, 2 and 5 on log-log axes, Kestra's published points
/// beside ours (same colour per flow, open markers for Kestra).
/// </summary>
internal static class LatencyChart
{
    private static readonly (string Scenario, Color Color)[] Charted =
        [("webhook-simple", Colors.RoyalBlue), ("realtime-json", Colors.DarkOrange), ("sleep-5s", Colors.SeaGreen)];

    public static void Write(BenchReport report, string path)
    {
        using var plot = new Plot();
        foreach (var (name, color) in Charted)
        {
            if (report.Scenarios.FirstOrDefault(s => s.Name == name) is { } ours)
            {
                var rows = ours.Rows.Where(r => r.Database is not null && r.AchievedPerSecond > 0).OrderBy(r => r.TargetPerSecond).ToList();
                if (rows.Count > 0)
                {
                    var line = plot.Add.Scatter(
                        rows.Select(r => Math.Log10(r.AchievedPerSecond * 60)).ToArray(),
                        rows.Select(r => Math.Log10(r.Database!.P50 / 1000)).ToArray(),
                        color);
                    line.LegendText = $"Kite {name} (p50)";
                    line.MarkerSize = 9;
                }
            }

            foreach (var series in KestraFigures.Points.Where(p => p.Scenario == name).GroupBy(p => p.Series))
            {
                var points = plot.Add.ScatterPoints(
                    series.Select(p => Math.Log10(p.PerMinute)).ToArray(), series.Select(p => Math.Log10(p.Seconds)).ToArray(), color);
                points.LegendText = $"{series.Key} {name}";
                points.MarkerShape = series.Key.Contains("Kafka", StringComparison.Ordinal) ? MarkerShape.OpenDiamond : MarkerShape.OpenTriangleUp;
                points.MarkerSize = 10;
            }
        }

        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Title($"Latency against throughput ({report.Machine.Cores} cores, {report.Machine.Cpu}, commit {report.Machine.Commit})");
        plot.XLabel("executions per minute (achieved; Kestra: sent)");
        plot.YLabel("latency, seconds (log)");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1100, 700);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = v => Math.Pow(10, v).ToString("0.###", CultureInfo.InvariantCulture),
    };
}
