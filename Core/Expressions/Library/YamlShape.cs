using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kite.Core.Expressions.Library;

/// <summary>
/// Reads YAML as a stream of events, without building it, to refuse what building it would not survive: nesting deeper
/// than <see cref="ValueSize.MaxDepth"/> (YamlDotNet builds nodes recursively) and aliases that expand past the render's
/// steps (<c>&amp;a [x, x]</c>, <c>&amp;b [*a, *a]</c>... doubles at each level).
/// </summary>
internal static class YamlShape
{
    public static void Check(string yaml, RenderMeter meter)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<(AnchorName Anchor, long Items)>();
        var expanded = new Dictionary<AnchorName, long>();
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case NodeEvent { } start and (SequenceStart or MappingStart):
                        if (open.Count >= ValueSize.MaxDepth)
                        {
                            throw new ExpressionException($"yaml() would nest deeper than {ValueSize.MaxDepth} levels");
                        }
                        open.Push((start.Anchor, 0));
                        break;
                    case SequenceEnd or MappingEnd:
                        var (anchor, items) = open.Pop();
                        meter.Spend(1, "yaml()");
                        Add(items + 1, anchor);
                        break;
                    case AnchorAlias alias:
                        // Building copies what the alias points at: every item of it is built again.
                        var size = expanded.GetValueOrDefault(alias.Value, 1);
                        meter.Spend(size, "yaml()");
                        Add(size, AnchorName.Empty);
                        break;
                    case Scalar scalar:
                        meter.Spend(1, "yaml()");
                        Add(1, scalar.Anchor);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Not valid YAML: parsing it again reports the error.
        }

        // The size, in items, of each open collection, to know what an alias to it expands to.
        void Add(long items, AnchorName anchor)
        {
            if (!anchor.IsEmpty)
            {
                expanded[anchor] = items;
            }
            if (open.Count > 0)
            {
                var (parent, count) = open.Pop();
                open.Push((parent, count + items));
            }
        }
    }
}
