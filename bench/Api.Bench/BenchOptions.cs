using System.Globalization;

namespace Kite.Api.Bench;

/// <summary>The command line: <c>--reseed</c>, <c>--iterations</c>, <c>--warmup</c>, <c>--only</c> (a search's name, may repeat).</summary>
public sealed record BenchOptions(bool Reseed, int Iterations, int Warmup, IReadOnlyList<string> Only)
{
    public const int Executions = 2_000_000;

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var only = args.Select((a, i) => (a, i)).Where(p => p.a == "--only" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
        return new BenchOptions(
            args.Contains("--reseed"),
            int.Parse(Value("--iterations") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "20", CultureInfo.InvariantCulture),
            only);
    }
}
