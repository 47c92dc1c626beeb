using Kite.Bench;
using Kite.Bench.Reporting;
using Kite.Bench.Scenarios;
using Kite.Bench.Suite;
using Spectre.Console;

var repository = RepositoryRoot.Find();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, repository);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
    AnsiConsole.WriteLine(BenchUsage.Text);
    return 2;
}

if (options.Command == "list")
{
    AnsiConsole.WriteLine(BenchUsage.Text);
    return 0;
}

if (options.Command == "report")
{
    // Re-renders latest.md and latest.png from latest.json, e.g. after a change to the report's layout.
    var saved = ReportFiles.Load(options.Results) ?? throw new FileNotFoundException("no bench/results/latest.json yet");
    ReportFiles.Write(saved, options.Results);
    return 0;
}

var scenarios = ScenarioCatalog.Select(options.Command);
if (scenarios.Count == 0)
{
    AnsiConsole.MarkupLineInterpolated($"[red]no scenario named '{options.Command}'[/]");
    AnsiConsole.WriteLine(BenchUsage.Text);
    return 2;
}

await using var suite = await SuiteSession.OpenAsync(options);
var results = await BenchRun.RunAsync(scenarios, suite, options);
var report = BenchReport.Merge(ReportFiles.Load(options.Results), results, MachineInfo.Read(repository));
ReportFiles.Write(report, options.Results);
ConsoleReport.Show(report, results);
return 0;
