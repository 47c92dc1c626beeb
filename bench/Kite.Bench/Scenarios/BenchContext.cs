using Kite.Bench.Load;
using Kite.Bench.Suite;
using Npgsql;
using Spectre.Console;

namespace Kite.Bench.Scenarios;

/// <summary>What a scenario runs with: the suite, its database, the options, the progress display and the commit measured.</summary>
internal sealed record BenchContext(SuiteSession Suite, NpgsqlDataSource Database, BenchOptions Options, ProgressContext Progress, string Commit)
{
    /// <summary>Warms the suite once per run and waits for it to be idle before each measurement.</summary>
    public SuiteSettler Settler { get; } = new(Database, Options.SuiteWarmUp, Options.Drain);
}
