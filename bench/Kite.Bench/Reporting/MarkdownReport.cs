using System.Globalization;
using System.Text;
using Kite.Bench.Load;

namespace Kite.Bench.Reporting;

/// <summary>The report as Markdown: the machine, then one table per scenario with Kestra's figure beside each rate.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var m = report.Machine;
        var text = new StringBuilder();
        Line(text, "# Kite load bench: latest results");
        Line(text);
        Line(text, $"Machine: {m.Cores} cores, {m.MemoryGb} GB, {m.Cpu}, {m.Os}. Last written {m.Date:yyyy-MM-dd HH:mm} UTC at commit {m.Commit}.");
        Line(text, "Latency is end − start of each execution as stored in PostgreSQL; \"client\" is what the bench saw (the Api's answer " +
            "for rate scenarios, send → end seen in the database for single executions). Achieved is completed executions over the " +
            "span from the first start to the last end. CPU is the mean over the run in % of one core, summed over a service's " +
            "replicas and their child processes; memory is the peak resident set.");
        foreach (var scenario in report.Scenarios)
        {
            Line(text);
            Line(text, $"## {scenario.Number}. {scenario.Name}: {scenario.Title}");
            Line(text);
            Line(text, $"{scenario.Date:yyyy-MM-dd HH:mm} UTC, commit {scenario.Commit}; executions started through: {scenario.Route}; {scenario.Settings}.");
            Line(text);
            var perMinute = scenario.Unit == "executions/min";
            var single = scenario.Unit == "single execution";
            Line(text, $"| {(single ? "flow" : "rate")} | sent | accepted | completed | failed | p50 | p95 | p99 | max | mean |{(single ? " best |" : "")} client p50 | client p99 | achieved | Kestra | CPU % / peak MB |");
            Line(text, $"|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|{(single ? "--:|" : "")}--:|--:|--:|---|---|");
            foreach (var row in scenario.Rows)
            {
                var achieved = row.AchievedPerSecond == 0 ? "" : perMinute
                    ? string.Create(CultureInfo.InvariantCulture, $"{row.AchievedPerSecond * 60:0}/min")
                    : string.Create(CultureInfo.InvariantCulture, $"{row.AchievedPerSecond:0.#}/s");
                var db = row.Database;
                Line(text, $"| {row.Rate} | {row.Sent} | {row.Accepted} | {row.Completed} | {row.Failed} | {Ms(db?.P50)} | {Ms(db?.P95)} | {Ms(db?.P99)} | {Ms(db?.Max)} | {Ms(db?.Mean)} |" +
                    $"{(single ? $" {Ms(row.BestMs)} |" : "")} {Ms(row.Client?.P50)} | {Ms(row.Client?.P99)} | {achieved} | {row.Kestra} | {Usage(row.Services)} |");
            }

            if (scenario.Notes is { Count: > 0 } notes)
            {
                Line(text);
                foreach (var note in notes)
                {
                    Line(text, note);
                }
            }
        }

        return text.ToString();
    }

    public static string Ms(double? ms) => ms switch
    {
        null => "",
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{ms:0.##} ms"),
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.##} s"),
    };

    private static string Usage(IReadOnlyList<ServiceUsage> services) =>
        string.Join(", ", services.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Service} {s.CpuPercent:0}/{s.PeakRssMb:0}")));

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
