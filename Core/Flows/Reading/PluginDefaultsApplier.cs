using Kite.Core.Tasks;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;
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

    public static void Apply(YamlNode root)
    {
        if (root is not YamlMappingNode flow)
        {
            return;
        }
        var all = DefaultsKeys.SelectMany(key => Read(flow, key)).ToList();
        all.AddRange(all.Select(d => d with { Type = CanonicalName(d.Type) ?? d.Type }).Where(d => !all.Contains(d)).ToList());
        if (all.Count == 0)
        {
            return;
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
    }

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
        foreach (var (key, valueB) in b.Children)
        {
            var index = result.FindIndex(e => e.Key.Equals(key));
            if (index < 0)
            {
                result.Add(new(key, valueB));
                continue;
            }
            var valueA = result[index].Value;
            YamlNode merged = (valueA, valueB) switch
            {
                (_, _) when Values.PlainYaml.IsNull(valueB) => valueA,
                (_, _) when Values.PlainYaml.IsNull(valueA) => valueB,
                (YamlMappingNode mapA, YamlMappingNode mapB) => new YamlMappingNode(Merge(mapA, mapB)),
                (YamlSequenceNode listA, YamlSequenceNode listB) => new YamlSequenceNode(listA.Children.Concat(listB.Children.Where(i => !listA.Children.Contains(i)))),
                _ => valueB,
            };
            result[index] = new(result[index].Key, merged);
        }
        return result;
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
