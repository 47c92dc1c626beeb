using System.Text;
using Kite.Core.Expressions;
using Kite.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kite.Core.Flows.Reading;

/// <summary>Parses every expression written in a flow's YAML, reporting malformed ones at their exact line and column.</summary>
internal static class ExpressionChecker
{
    public static void Check(YamlNode node, string path, IReadOnlyList<string> lines, List<Violation> violations) =>
        Check(node, new StringBuilder(path), lines, violations);

    /// <summary>
    /// The path grows and shrinks in one builder and becomes a string only for a violation: a string made at every node
    /// would copy a long key above a long list once per item.
    /// </summary>
    private static void Check(YamlNode node, StringBuilder path, IReadOnlyList<string> lines, List<Violation> violations)
    {
        var length = path.Length;
        switch (node)
        {
            case YamlScalarNode { Value: { } text } scalar when TemplateEngine.Check(text) is { } error:
                var (line, column) = Locate(scalar, error, lines);
                violations.Add(new Violation(path.ToString(), line, column, ViolationKind.InvalidExpression,
                    $"invalid expression: {error.Reason} at character {error.Offset + 1} of \"{TextExcerpt.Of(text)}\""));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Check(sequence.Children[i], path.Append('[').Append(i).Append(']'), lines, violations);
                    path.Length = length;
                }
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    if (name != "description")
                    {
                        Check(value, (length == 0 ? path : path.Append('.')).Append(TextExcerpt.Of(name)), lines, violations);
                        path.Length = length;
                    }
                }
                break;
        }
    }

    // Exact for plain and quoted scalars on one line and for literal blocks, whose text starts on the line after '|'.
    private static (int Line, int Column) Locate(YamlScalarNode scalar, ExpressionSyntaxException error, IReadOnlyList<string> lines)
    {
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        switch (scalar.Style)
        {
            case ScalarStyle.Literal or ScalarStyle.Folded:
                var at = line + error.Line;
                var indent = at - 1 < lines.Count ? lines[at - 1].Length - lines[at - 1].TrimStart(' ').Length : 0;
                return (at, indent + error.Column);
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when error.Line == 1:
                return (line, column + error.Column);
            case ScalarStyle.Plain when error.Line == 1:
                return (line, column + error.Column - 1);
            default:
                return (line + error.Line - 1, error.Line == 1 ? column + error.Column - 1 : error.Column);
        }
    }
}
