using Kite.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kite.Core.Flows.Reading;

/// <summary>
/// Checks the shape of flow YAML on the parser's flat event stream, before anything builds or walks a tree of it.
/// YamlDotNet's <c>YamlStream.Load</c> and every walk after it recurse once per level, and a stack overflow ends the
/// process without a chance to catch it, so depth is refused here first. Aliases are shared by the loaded tree but
/// every walk after it (merge keys, plugin defaults, binding, expression checks, JSON) visits them once per reference,
/// so what they expand to is weighed here, and an alias that points at its own node (a cycle) or forward is refused.
/// </summary>
internal static class YamlLimits
{
    /// <summary>Collections inside one another, aliases expanded. A real flow stays under about 20.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes that aliases add to the stream beyond what is written, once expanded.</summary>
    public const long MaxAliasedNodes = 100_000;

    /// <summary>Scalar characters that aliases add to the stream beyond what is written, once expanded.</summary>
    public const long MaxAliasedCharacters = 10_000_000;

    /// <summary>The first limit the text breaks, or null. Throws <see cref="YamlException"/> on a syntax error, as loading would.</summary>
    public static Violation? Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<Shape>();
        var anchors = new Dictionary<AnchorName, Shape>();
        long aliasedNodes = 0, aliasedCharacters = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    anchors.Clear(); // anchors belong to their document; the alias budget is the whole stream's
                    break;
                case NodeEvent { } start and (SequenceStart or MappingStart):
                    if (open.Count == MaxDepth)
                    {
                        return Refuse(start.Start, $"nesting deeper than {MaxDepth} levels at line {start.Start.Line}, column {start.Start.Column}");
                    }
                    var shape = new Shape { Height = 1 };
                    open.Push(shape);
                    if (!start.Anchor.IsEmpty)
                    {
                        anchors[start.Anchor] = shape; // YamlDotNet registers the anchor before the children, as here
                    }
                    break;
                case SequenceEnd or MappingEnd:
                    var done = open.Pop();
                    done.Complete = true;
                    AddTo(open, done.Nodes, done.Characters, done.Height);
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor] = new Shape { Nodes = 1, Characters = scalar.Value.Length, Complete = true };
                    }
                    AddTo(open, 1, scalar.Value.Length, 0);
                    break;
                case AnchorAlias alias:
                    var target = anchors.GetValueOrDefault(alias.Value);
                    aliasedNodes += target?.Nodes ?? 0;
                    aliasedCharacters += target?.Characters ?? 0;
                    var refusal = target switch
                    {
                        null => "refers to no anchor defined before it",
                        { Complete: false } => "refers to a node that contains it, which would never end",
                        _ when open.Count + target.Height > MaxDepth => $"nests deeper than {MaxDepth} levels once expanded",
                        _ when aliasedNodes > MaxAliasedNodes => $"makes aliases expand to more than {MaxAliasedNodes} nodes: an anchor may be reused, not multiplied",
                        _ when aliasedCharacters > MaxAliasedCharacters => $"makes aliases repeat more than {MaxAliasedCharacters} characters of text",
                        _ => null,
                    };
                    if (refusal is not null || target is null)
                    {
                        return Refuse(alias.Start, $"alias *{alias.Value} at line {alias.Start.Line}, column {alias.Start.Column} {refusal}");
                    }
                    AddTo(open, target.Nodes, target.Characters, target.Height);
                    break;
            }
        }
        return null;
    }

    private static void AddTo(Stack<Shape> open, long nodes, long characters, int height)
    {
        if (open.TryPeek(out var parent))
        {
            parent.Nodes += nodes;
            parent.Characters += characters;
            parent.Height = Math.Max(parent.Height, height + 1);
        }
    }

    private static Violation Refuse(Mark mark, string message) =>
        new("", (int)mark.Line, (int)mark.Column, ViolationKind.InvalidYaml, $"invalid YAML: {message}");

    /// <summary>What a node expands to: its nodes (itself included), its scalar characters and its levels of collections (0 for a scalar).</summary>
    private sealed class Shape
    {
        public long Nodes { get; set; } = 1;

        public long Characters { get; set; }

        public int Height { get; set; }

        /// <summary>False while its children are still being read.</summary>
        public bool Complete { get; set; }
    }
}
