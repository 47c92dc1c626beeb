using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kite.Core.Flows.Reading;

/// <summary>
/// Expands YAML merge keys (<c>&lt;&lt;: *anchor</c> or <c>&lt;&lt;: [*a, *b]</c>) in place, as Kestra's YAML reader does:
/// the mapping's own keys win, then the merged maps in the order listed. Merged values keep the anchor's line and column.
/// </summary>
internal static class MergeKeys
{
    private static readonly YamlScalarNode MergeKey = new("<<");

    public static void Expand(YamlNode root) => Visit(root, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Visit(YamlNode node, HashSet<YamlNode> done)
    {
        if (!done.Add(node))
        {
            return;
        }
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Visit(child, done);
                }
                break;
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children.Values.ToList())
                {
                    Visit(child, done);
                }
                if (mapping.Children.TryGetValue(MergeKey, out var merged) && mapping.Children.Keys.First(k => k.Equals(MergeKey)) is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any })
                {
                    Merge(mapping, merged);
                }
                break;
        }
    }

    private static void Merge(YamlMappingNode mapping, YamlNode merged)
    {
        var sources = merged switch
        {
            YamlMappingNode single => [single],
            YamlSequenceNode list when list.Children.All(c => c is YamlMappingNode) => list.Children.Cast<YamlMappingNode>().ToList(),
            _ => null,
        };
        if (sources is null)
        {
            return; // not a map to merge: left as a '<<' key, which the reader reports as unknown
        }
        var entries = mapping.Children.Where(e => !e.Key.Equals(MergeKey)).ToList();
        var keys = entries.Select(e => e.Key).ToHashSet(); // a set, not a scan of the entries: merging wide maps stays linear
        foreach (var source in sources)
        {
            entries.AddRange(source.Children.Where(e => !e.Key.Equals(MergeKey) && keys.Add(e.Key)));
        }
        mapping.Children.Clear();
        foreach (var (key, value) in entries)
        {
            mapping.Children.Add(key, value);
        }
    }
}
