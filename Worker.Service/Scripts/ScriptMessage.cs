using Kite.Core.Values;
using Kite.Worker.Jobs;

namespace Kite.Worker.Scripts;

/// <summary>
/// Kestra's stdout protocol: a line <c>::{"outputs":{...}}::</c> adds outputs (under the task's <c>vars</c>),
/// a line <c>::{"metrics":[{"name","type":"counter"|"timer","value","tags"}]}::</c> records metrics (timers in seconds).
/// Any other line, or a line whose JSON does not parse, is plain log text.
/// </summary>
public sealed record ScriptMessage(Dictionary<string, object?> Outputs, List<ScriptMetric> Metrics)
{
    public static bool TryParse(string line, out ScriptMessage message)
    {
        message = null!;
        var text = line.AsSpan().Trim();
        if (!text.StartsWith("::{") || !text.EndsWith("}::"))
        {
            return false;
        }

        object? parsed;
        try
        {
            parsed = PlainJson.Parse(text[2..^2].ToString());
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        if (parsed is not Dictionary<string, object?> root)
        {
            return false;
        }

        var outputs = root.GetValueOrDefault("outputs") as Dictionary<string, object?> ?? [];
        var metrics = (root.GetValueOrDefault("metrics") as List<object?> ?? []).OfType<Dictionary<string, object?>>().Select(ScriptMetric.From).OfType<ScriptMetric>().ToList();
        message = new ScriptMessage(outputs, metrics);
        return true;
    }

    /// <summary>Records the metrics on the task run.</summary>
    public async Task RecordMetricsAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        foreach (var metric in Metrics)
        {
            await context.MetricAsync(metric.Name, metric.Type, metric.Value, metric.Tags, cancellationToken);
        }
    }
}
