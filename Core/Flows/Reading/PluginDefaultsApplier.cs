using Kite.Core.Tasks;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;
using Kite.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace Kite.Core.Flows.Reading;

/// <summary>
/// Applies a flow's <c>pluginDefaults</c> (and deprecated <c>taskDefaults</c>) to its YAML before binding, as Kestra's
/// PluginDefaultService does to the flow map: every map with a <c>type</c> at any depth takes the values of the defaults
/// whose type equals its type or is a prefix of it. A default not forced fills what the plugin leaves out (the first
/// listed wins); a forced one overrides the plugin (the first listed wins). Maps merge deeply, lists are concatenated
/// without duplicates. Defaults written with a legacy type name also apply to the current name.
/// Required properties are checked after, so a default can supply them.
/// </summary>
internal static class PluginDefaultsApplier
{
    private static readonly string[] DefaultsKeys = ["pluginDefaults", "taskDefaults"];

    /// <summary>
    /// Nodes the defaults may add to a flow, with one more counted for each default tried on each map. Defaults are meant
    /// to multiply (one default, every task), so this is well above what aliases may add, but a wide default matched by
    /// every map of a wide flow multiplies two sizes, and each walk after this one pays for the product.
    /// </summary>
    public const long MaxAddedNodes = 1_000_000;

    /// <summary>Applies the defaults in place; refuses, leaving the YAML as it is, defaults that would add too much.</summary>
    public static Violation? Apply(YamlNode root)
    {
        if (root is not YamlMappingNode flow)
        {
            return null;
        }
        var all = DefaultsKeys.SelectMany(key => Read(flow, key)).ToList();
        all.AddRange(all.Select(d => d with { Type = CanonicalName(d.Type) ?? d.Type }).Where(d => !all.Contains(d)).ToList());
        if (all.Count == 0)
        {
            return null;
        }
        if (TooMuch(flow, all) is { } refused)
        {
            return refused;
        }
        var normal = all.Where(d => !d.Forced).ToList();
        var forced = all.Where(d => d.Forced).Reverse().ToList();
        foreach (var (key, value) in flow.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && DefaultsKeys.Contains(name))
            {
                continue;
            }
            Visit(value, normal, forced);
        }
        return null;
    }

    /// <summary>Counts, without changing anything, what <see cref="Visit"/> would add; stops as soon as it is too much.</summary>
    private static Violation? TooMuch(YamlMappingNode flow, List<Default> all)
    {
        var sizes = all.Select(d => Size(d.Values)).ToList();
        long added = 0;
        var pending = new Stack<YamlNode>(flow.Children.Where(e => e.Key is not YamlScalarNode { Value: { } name } || !DefaultsKeys.Contains(name)).Select(e => e.Value));
        while (pending.TryPop(out var node) && added <= MaxAddedNodes)
        {
            switch (node)
            {
                case YamlSequenceNode sequence:
                    sequence.Children.ToList().ForEach(pending.Push);
                    break;
                case YamlMappingNode mapping:
                    mapping.Children.Values.ToList().ForEach(pending.Push);
                    if (Get(mapping, "type") is YamlScalarNode { Value: { } type })
                    {
                        for (var i = 0; i < all.Count; i++)
                        {
                            added += 1 + (Matches(all[i], type) ? sizes[i] : 0);
                        }
                    }
                    break;
            }
        }
        if (added <= MaxAddedNodes)
        {
            return null;
        }
        var key = flow.Children.Keys.First(k => k is YamlScalarNode { Value: { } name } && DefaultsKeys.Contains(name));
        return new Violation(((YamlScalarNode)key).Value!, (int)key.Start.Line, (int)key.Start.Column, ViolationKind.InvalidValue,
            $"plugin defaults would add more than {MaxAddedNodes} nodes to the flow, merged into every map whose type they match: narrow their type or their values");
    }

    /// <summary>Nodes in a tree, each alias counted at its full size (the loader bounded both depth and aliases).</summary>
    private static long Size(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => 1 + sequence.Children.Sum(Size),
        YamlMappingNode mapping => 1 + mapping.Children.Sum(e => Size(e.Key) + Size(e.Value)),
        _ => 1,
    };

    private static IEnumerable<Default> Read(YamlMappingNode flow, string key)
    {
        if (!flow.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode list)
        {
            yield break;
        }
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            if (Get(item, "type") is YamlScalarNode { Value: { Length: > 0 } type } && Get(item, "values") is YamlMappingNode values)
            {
                var forced = Get(item, "forced") is YamlScalarNode { Value: "true" or "True" or "TRUE" };
                yield return new Default(type, forced, values);
            }
        }
    }

    private static string? CanonicalName(string type)
    {
        foreach (var catalog in new[] { TaskTypes.Catalog, TriggerTypes.Catalog, ConditionTypes.Catalog, TaskTypes.Runners })
        {
            if (catalog.TryResolve(type, out var resolved))
            {
                return catalog.NameOf(resolved);
            }
        }
        return null;
    }

    /// <summary>Children first, then the node itself, as Kestra's recursiveDefaults does.</summary>
    private static void Visit(YamlNode node, List<Default> normal, List<Default> forced)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Visit(child, normal, forced);
                }
                break;
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children.Values)
                {
                    Visit(child, normal, forced);
                }
                if (Get(mapping, "type") is YamlScalarNode { Value: { } type })
                {
                    foreach (var d in normal.Where(d => Matches(d, type)))
                    {
                        Replace(mapping, Merge(d.Values, mapping));
                    }
                    foreach (var d in forced.Where(d => Matches(d, type)))
                    {
                        Replace(mapping, Merge(mapping, d.Values));
                    }
                }
                break;
        }
    }

    private static bool Matches(Default d, string type) => type.StartsWith(d.Type, StringComparison.Ordinal);

    /// <summary>Kestra's MapUtils.deepMerge: the entries of <paramref name="b"/> win, maps merge, lists concatenate.</summary>
    private static List<KeyValuePair<YamlNode, YamlNode>> Merge(YamlMappingNode a, YamlMappingNode b)
    {
        var result = a.Children.ToList();
        var indexes = result.Select((e, i) => (e.Key, i)).ToDictionary(x => x.Key, x => x.i); // wide maps merge in linear time
        foreach (var (key, valueB) in b.Children)
        {
            if (!indexes.TryGetValue(key, out var index))
            {
                indexes[key] = result.Count;
                result.Add(new(key, valueB));
                continue;
            }
            var valueA = result[index].Value;
            YamlNode merged = (valueA, valueB) switch
            {
                (_, _) when Values.PlainYaml.IsNull(valueB) => valueA,
                (_, _) when Values.PlainYaml.IsNull(valueA) => valueB,
                (YamlMappingNode mapA, YamlMappingNode mapB) => new YamlMappingNode(Merge(mapA, mapB)),
                (YamlSequenceNode listA, YamlSequenceNode listB) => Concat(listA, listB),
                _ => valueB,
            };
            result[index] = new(result[index].Key, merged);
        }
        return result;
    }

    /// <summary>The items of <paramref name="a"/>, then those of <paramref name="b"/> that <paramref name="a"/> lacks (a set, so long lists stay linear).</summary>
    private static YamlSequenceNode Concat(YamlSequenceNode a, YamlSequenceNode b)
    {
        var inA = new HashSet<YamlNode>(a.Children);
        return new YamlSequenceNode(a.Children.Concat(b.Children.Where(i => !inA.Contains(i))));
    }

    /// <summary>Rewrites the plugin's own map node in place, so its line and column stay the plugin's.</summary>
    private static void Replace(YamlMappingNode mapping, List<KeyValuePair<YamlNode, YamlNode>> entries)
    {
        mapping.Children.Clear();
        foreach (var (key, value) in entries)
        {
            mapping.Children.Add(key, value);
        }
    }

    private static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private sealed record Default(string Type, bool Forced, YamlMappingNode Values);
}
