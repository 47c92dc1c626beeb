using Spectre.Console;

namespace Kite.Bench.Reporting;

/// <summary>The scenarios just run, as tables on the console.</summary>
internal static class ConsoleReport
{
    public static void Show(BenchReport report, IReadOnlyList<ScenarioResult> fresh)
    {
        foreach (var scenario in fresh)
        {
            var table = new Table().Title($"{scenario.Number}. {scenario.Name} ({scenario.Route})");
            foreach (var column in new[] { "rate", "sent", "done", "failed", "p50", "p95", "p99", "max", "mean", "client p50", "achieved/s", "Kestra" })
            {
                table.AddColumn(column);
            }

            foreach (var r in scenario.Rows)
            {
                table.AddRow(
                    Markup.Escape(r.Rate), $"{r.Sent}", $"{r.Completed}", $"{r.Failed}", MarkdownReport.Ms(r.Database?.P50), MarkdownReport.Ms(r.Database?.P95),
                    MarkdownReport.Ms(r.Database?.P99), MarkdownReport.Ms(r.Database?.Max), MarkdownReport.Ms(r.Database?.Mean),
                    MarkdownReport.Ms(r.Client?.P50), $"{r.AchievedPerSecond:0.#}", Markup.Escape(r.Kestra ?? ""));
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLineInterpolated($"written: bench/results/latest.md, latest.json, latest.png ({report.Scenarios.Count} scenarios, machine {report.Machine.Cores} cores)");
    }
}
