using Kite.Bench.Scenarios;

namespace Kite.Bench;

/// <summary>The help text, listing the scenarios from the catalog.</summary>
internal static class BenchUsage
{
    public static string Text =>
        "usage: kite-bench <scenario[,scenario…]|number|all|list|report> [--start-suite] [--dashboard URL] [--api URL --user U --password P --postgres CONN [--rabbitmq AMQP]]\n" +
        "                  [--duration S] [--warmup S] [--suite-warmup S] [--drain S] [--rates r1,r2] [--runs N]\n\nscenarios:\n" +
        string.Join('\n', ScenarioCatalog.All.Select(s => $"  {s.Number,2} {s.Name,-15} {s.Title}"));
}
