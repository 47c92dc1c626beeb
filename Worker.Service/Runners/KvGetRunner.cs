using Kite.Core.Executions;
using Kite.Core.Tasks.KeyValue;
using Kite.Core.Values;
using Kite.Data.KeyValue;
using Kite.Worker.Jobs;
using Kite.Worker.KeyValue;

namespace Kite.Worker.Runners;

/// <summary><c>kv.Get</c>: the key's value in the output <c>value</c> (null when missing, or a failure with <c>errorOnMissing</c>).</summary>
public sealed class KvGetRunner(KeyValueStore store) : TaskRunner<KvGet>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(KvGet task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var (ns, key) = KeyValueTask.Address(task.Key, task.Namespace, context);
        var entry = await store.GetAsync(ns, key, cancellationToken);
        if (entry is null && task.ErrorOnMissing)
        {
            throw new TaskFailedException($"no key '{key}' in namespace '{ns}' (errorOnMissing is true)");
        }

        return new() { ["value"] = entry is null ? null : PlainJson.Parse(entry.Value) };
    }
}
