using System.Text.Json;

namespace Kite.Bench.Reporting;

/// <summary>bench/results/latest.json (the data), latest.md (the tables) and latest.png (the chart).</summary>
internal static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static BenchReport? Load(string folder)
    {
        var file = Path.Combine(folder, "latest.json");
        return File.Exists(file) ? JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(file), Json) : null;
    }

    public static void Write(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(folder, "latest.md"), MarkdownReport.Render(report));
        LatencyChart.Write(report, Path.Combine(folder, "latest.png"));
    }
}
