using Kite.Core.Executions;
using Kite.Core.Tasks.KeyValue;
using Kite.Data.KeyValue;
using Kite.Worker.Jobs;
using Kite.Worker.KeyValue;

namespace Kite.Worker.Runners;

/// <summary><c>kv.Delete</c>: outputs <c>deleted</c>, whether the key existed (a missing key fails with <c>errorOnMissing</c>).</summary>
public sealed class KvDeleteRunner(KeyValueStore store) : TaskRunner<KvDelete>
{
    protected override async Task<Dictionary<string, object?>?> RunAsync(KvDelete task, TaskRunContext context, CancellationToken cancellationToken)
    {
        var (ns, key) = KeyValueTask.Address(task.Key, task.Namespace, context);
        var deleted = await store.DeleteAsync(ns, key, cancellationToken);
        if (!deleted && task.ErrorOnMissing)
        {
            throw new TaskFailedException($"no key '{key}' in namespace '{ns}' to delete (errorOnMissing is true)");
        }

        return new() { ["deleted"] = deleted };
    }
}
