using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary><c>toJson</c> (and its deprecated alias <c>json</c>) and <c>jq</c>.</summary>
internal static class JsonFilters
{
    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
        ["toJson"] = (input, _, _) => PlainJson.Write(input),
        ["json"] = (input, _, _) => PlainJson.Write(input),
        ["jq"] = (input, args, _) => Jq.Run(args.String(0, "expression") ?? ".", input),
    };
}
