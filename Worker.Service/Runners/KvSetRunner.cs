using Kite.Core.Executions;
using Kite.Core.Executions.Context;
using Kite.Core.Expressions;
using Kite.Core.Tasks.KeyValue;
using Kite.Core.Time;
using Kite.Data.KeyValue;
using Kite.Worker.Jobs;
using Kite.Worker.KeyValue;

namespace Kite.Worker.Runners;

/// <summary>
/// <c>kv.Set</c>: stores the rendered value (a single <c>{{ }}</c> keeps its type) under the key, typed by <c>kvType</c>
/// or inferred; expires after <c>ttl</c>; with <c>overwrite: false</c> an existing live key fails the task.
/// </summary>
public sealed class KvSetRunner(KeyValueStore store, TimeProvider clock) : TaskRunner<KvSet>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(KvSet task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var (ns, key) = KeyValueTask.Address(task.Key, task.Namespace, context);
        var value = task.Value is string text ? TemplateEngine.Evaluate(text, context.Render) : ValueRenderer.Render(task.Value, context.Render);
        var (json, type) = KeyValueValue.Typed(value, task.KvType is null ? null : context.RenderText(task.KvType));
        var expiration = task.Ttl is null ? (DateTimeOffset?)null : clock.GetUtcNow() + IsoDuration.Parse(context.RenderText(task.Ttl));
        var description = task.KvDescription is null ? null : context.RenderText(task.KvDescription);
        if (!await store.SetAsync(ns, key, json, type, expiration, description, task.Overwrite, cancellationToken))
        {
            throw new TaskFailedException($"key '{key}' already exists in namespace '{ns}' and overwrite is false");
        }

        return null;
    }
}
