using System.Collections;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>Filters on lists, maps and strings as sequences: default, length, first, last, join, sort, keys, values...</summary>
internal static class CollectionFilters
{
    public static IReadOnlyDictionary<string, Filter> All { get; } = new Dictionary<string, Filter>(StringComparer.Ordinal)
    {
        ["default"] = (input, args, _) => IsEmpty(input) ? args.Get(0, "default") : input,
        ["length"] = (input, _, _) => Length(input),
        ["first"] = (input, _, _) => input is string s ? (s.Length == 0 ? "" : s[..1]) : Items(input, "first").FirstOrDefault(),
        ["last"] = (input, _, _) => input is string s ? (s.Length == 0 ? "" : s[^1..]) : Items(input, "last").LastOrDefault(),
        ["join"] = Join,
        ["sort"] = (input, _, _) => Sort(Items(input, "sort")),
        ["rsort"] = (input, _, _) => Sort(Items(input, "rsort")).AsEnumerable().Reverse().ToList(),
        ["reverse"] = (input, _, _) => input is string s ? new string(s.Reverse().ToArray()) : Items(input, "reverse").Reverse().ToList(),
        ["keys"] = (input, _, _) => Map(input, "keys").Keys.Cast<object?>().ToList(),
        ["values"] = (input, _, _) => Map(input, "values").Values.Cast<object?>().ToList(),
        ["distinct"] = (input, _, _) => Items(input, "distinct").Distinct().ToList(),
        ["flatten"] = (input, _, _) => Items(input, "flatten").SelectMany(i => i is IList l ? l.Cast<object?>() : [i]).ToList(),
        ["slice"] = Slice,
        ["merge"] = (input, args, scope) => Checked(Merge(input, args, scope), "merge", scope),
        ["chunk"] = (input, args, scope) => Checked(Items(input, "chunk").Chunk((int)args.Long(0, "size", 1)).Select(c => (object?)c.ToList()).ToList(), "chunk", scope),
    };

    // merge can hold a list twice and chunk nests one level deeper: what they build is measured before it is kept.
    private static object Checked(object built, string filter, Scope scope) =>
        ValueSize.Excess(built, scope.Meter.Budget) is { } excess ? throw new ExpressionException($"{filter} {excess}") : built;

    private static bool IsEmpty(object? input) => input switch
    {
        null => true,
        Undefined => true,
        string s => s.Length == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };

    private static long Length(object? input) => input switch
    {
        null => 0,
        string s => s.Length,
        ICollection c => c.Count,
        IEnumerable e => e.Cast<object?>().LongCount(),
        _ => throw new ExpressionException($"length needs a string, list or map, not {ValueRules.Describe(input)}"),
    };

    internal static IEnumerable<object?> Items(object? input, string filter) => input switch
    {
        null => [],
        IDictionary map => map.Values.Cast<object?>(),
        IEnumerable items and not string => items.Cast<object?>(),
        _ => throw new ExpressionException($"{filter} needs a list, not {ValueRules.Describe(input)}"),
    };

    private static IDictionary Map(object? input, string filter) =>
        input as IDictionary ?? throw new ExpressionException($"{filter} needs a map, not {ValueRules.Describe(input)}");

    private static List<object?> Sort(IEnumerable<object?> items)
    {
        var list = items.ToList();
        list.Sort((a, b) => ValueRules.Compare(a, b, "sort"));
        return list;
    }

    private static object Join(object? input, Arguments args, Scope scope)
    {
        var separator = args.String(0, "separator") ?? "";
        var texts = Items(input, "join").Select(PlainValues.ToText).ToList();
        scope.Meter.CheckLength(texts.Sum(t => (long)t.Length) + ((long)separator.Length * Math.Max(0, texts.Count - 1)), "the result of join");
        return string.Join(separator, texts);
    }

    private static object Slice(object? input, Arguments args, Scope scope)
    {
        var from = (int)args.Long(0, "fromIndex", 0);
        if (input is string s)
        {
            var to = (int)args.Long(1, "toIndex", s.Length);
            return s[Math.Clamp(from, 0, s.Length)..Math.Clamp(to, 0, s.Length)];
        }
        var list = Items(input, "slice").ToList();
        var end = (int)args.Long(1, "toIndex", list.Count);
        return list.Skip(from).Take(Math.Max(0, end - from)).ToList();
    }

    private static object Merge(object? input, Arguments args, Scope scope)
    {
        var other = args.Get(0, "items");
        if (input is IDictionary left && other is IDictionary right)
        {
            var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in left)
            {
                merged[PlainValues.ToText(e.Key)] = e.Value;
            }
            foreach (DictionaryEntry e in right)
            {
                merged[PlainValues.ToText(e.Key)] = e.Value;
            }
            return merged;
        }
        return Items(input, "merge").Concat(other is IList list ? list.Cast<object?>() : [other]).ToList();
    }
}
