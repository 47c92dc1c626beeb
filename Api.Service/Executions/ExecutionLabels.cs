using Kite.Api.Problems;
using Kite.Core.Flows;

namespace Kite.Api.Executions;

/// <summary>An execution's labels: the flow's, then those given as <c>labels=key:value</c>, the later winning on a key.</summary>
public static class ExecutionLabels
{
    public static List<LabelBody> Merge(IEnumerable<Label>? flow, IEnumerable<string?> given)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in flow ?? [])
        {
            labels[label.Key] = label.Value;
        }

        foreach (var text in given.Where(t => !string.IsNullOrEmpty(t)))
        {
            var colon = text!.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw ApiProblemException.BadRequest("labels", $"a label is written key:value, not '{text}'");
            }

            labels[text[..colon]] = text[(colon + 1)..];
        }

        return [.. labels.Select(l => new LabelBody(l.Key, l.Value))];
    }
}
