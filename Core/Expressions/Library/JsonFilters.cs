using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary><c>toJson</c> (and its deprecated alias <c>json</c>) and <c>jq</c>.</summary>
internal static class JsonFilters
{
    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
        ["toJson"] = (input, _, _) => PlainJson.Write(input),
        ["json"] = (input, _, _) => PlainJson.Write(input),
        ["jq"] = (input, args, scope) => Checked(Jq.Run(args.String(0, "expression") ?? ".", input), scope),
    };

    // jq wraps its results in a list, one level deeper than its input: applied in a loop, that nests without end.
    private static List<object?> Checked(List<object?> results, Scope scope) =>
        ValueSize.Excess(results, scope.Meter.Budget) is { } excess ? throw new ExpressionException($"jq {excess}") : results;
}
