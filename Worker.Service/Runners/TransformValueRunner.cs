using System.Text.Json;
using Kite.Core.Executions;
using Kite.Core.Tasks.Transform;
using Kite.Core.Values;
using Kite.Worker.Jobs;
using Kite.Worker.Transform;

namespace Kite.Worker.Runners;

/// <summary>
/// <c>jsonata.TransformValue</c>: the rendered <c>from</c> (JSON text) transformed by the JSONata <c>expression</c>, in the
/// output <c>value</c> (null when the expression yields nothing).
/// </summary>
public sealed class TransformValueRunner(JsonataEngines engines) : TaskRunner<TransformValue>
{
    private const int DefaultMaxDepth = 1000;

    protected override Task<Dictionary<string, object?>?> RunAsync(TransformValue task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var from = context.RenderText(task.From);
        EnsureJson(from);
        var expression = context.RenderText(task.Expression);
        var result = engines.Evaluate(expression, from, task.MaxDepth is > 0 ? task.MaxDepth.Value : DefaultMaxDepth);
        return Task.FromResult<Dictionary<string, object?>?>(new() { ["value"] = result is null ? null : PlainJson.Parse(result) });
    }

    private static void EnsureJson(string from)
    {
        try
        {
            using var _ = JsonDocument.Parse(from);
        }
        catch (JsonException e)
        {
            var preview = from.Length > 80 ? from[..80] + "…" : from;
            throw new TaskFailedException($"from must be a JSON document; it rendered to \"{preview}\" ({e.Message})");
        }
    }
}
