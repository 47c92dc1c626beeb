using Kite.Core.Flows.Reading;
using Kite.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kite.Core.Flows;

/// <summary>
/// The front door for flow YAML: parses it, builds the model and validates it, reporting every violation
/// with its path, line and column. A stream of several documents gives one result per document.
/// </summary>
public static class FlowReader
{
    public static IReadOnlyList<FlowDocument> Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            if (YamlLimits.Check(yaml) is { } refused)
            {
                return [new FlowDocument(null, [refused])];
            }
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner ? $"{e.Message}: {inner.Message}" : e.Message;
            return [new FlowDocument(null, [new Violation("", (int)e.Start.Line, (int)e.Start.Column, ViolationKind.InvalidYaml, $"invalid YAML: {Clean(message)}")])];
        }
        var documents = stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).ToList();
        if (documents.Count == 0)
        {
            return [new FlowDocument(null, [new Violation("", 1, 1, ViolationKind.InvalidYaml, "the document is empty: a flow needs at least id, namespace and tasks")])];
        }
        var lines = yaml.Split('\n');
        return documents.Select(d => ReadDocument(d.RootNode, lines)).ToList();
    }

    /// <summary>Reads text holding exactly one flow; a stream of several is an error.</summary>
    public static FlowDocument ReadOne(string yaml)
    {
        var documents = Read(yaml);
        return documents.Count == 1
            ? documents[0]
            : new FlowDocument(null, [new Violation("", 1, 1, ViolationKind.InvalidYaml, $"expected one flow, found {documents.Count} YAML documents")]);
    }

    private static FlowDocument ReadDocument(YamlNode root, string[] lines)
    {
        var violations = new List<Violation>();
        MergeKeys.Expand(root);
        if (PluginDefaultsApplier.Apply(root) is { } refused)
        {
            return new FlowDocument(null, [refused]); // binding without the defaults would only add noise
        }
        var binder = new YamlBinder(violations);
        var flow = binder.Bind<Flow>(root, "");
        if (flow is not null)
        {
            FlowValidator.Validate(flow, binder.Marks, violations);
        }
        ExpressionChecker.Check(root, "", lines, violations);
        violations.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return new FlowDocument(flow, violations);
    }

    private static string Clean(string message) =>
        message.StartsWith('(') && message.IndexOf("): ", StringComparison.Ordinal) is var i and > 0 ? message[(i + 3)..] : message;
}
