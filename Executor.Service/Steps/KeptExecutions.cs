using System.Diagnostics.Metrics;
using Kite.Data.Executions;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Steps;

/// <summary>
/// Executions kept in memory between their steps, so a step of a long execution reads one version number instead of
/// every task run: a 10,000-iteration loop otherwise reads and decodes all its runs in each of its 10,000 steps. An
/// entry is taken out for the step and given back only after the step committed, so a failed step never leaves a
/// half-applied execution behind; its version (<c>step_version</c>) tells whether another replica, or a delete,
/// wrote the execution since. Bounded by the number of task runs kept; the least recently stepped go first.
/// </summary>
public sealed class KeptExecutions(IOptions<ExecutorOptions> options)
{
    private static readonly Meter Meter = new(OpenTelemetryExtensions.KiteSource);

    private static readonly Counter<long> Steps = Meter.CreateCounter<long>(
        "kite.executor.kept_executions.steps", description: "Executor steps, by how they found their execution: reused (kept and unchanged), stale (kept, but written since) or read");

    private readonly Lock gate = new();
    private long reused;
    private readonly Dictionary<string, LinkedListNode<LockedExecution>> byId = new(StringComparer.Ordinal);
    private readonly LinkedList<LockedExecution> recent = new();
    private long taskRuns;

    /// <summary>Steps of this process that reused a kept execution.</summary>
    public long Reused => Interlocked.Read(ref reused);

    /// <summary>Counts how a step found its execution: <c>reused</c>, <c>stale</c> or <c>read</c>.</summary>
    public void Found(string how)
    {
        if (how == "reused")
        {
            Interlocked.Increment(ref reused);
        }

        Steps.Add(1, new KeyValuePair<string, object?>("found", how));
    }

    /// <summary>The execution as its last step in this process left it, taken out; null when none is kept.</summary>
    public LockedExecution? Take(string executionId)
    {
        lock (gate)
        {
            if (!byId.Remove(executionId, out var node))
            {
                return null;
            }

            recent.Remove(node);
            taskRuns -= node.Value.TaskRunRecords.Count;
            return node.Value;
        }
    }

    /// <summary>Keeps the execution as a committed step left it, unless it alone is larger than the whole bound.</summary>
    public void Keep(LockedExecution execution)
    {
        var limit = options.Value.KeptTaskRuns;
        var size = execution.TaskRunRecords.Count;
        if (limit <= 0 || size > limit)
        {
            return;
        }

        lock (gate)
        {
            if (byId.Remove(execution.Execution.Id, out var previous))
            {
                recent.Remove(previous);
                taskRuns -= previous.Value.TaskRunRecords.Count;
            }

            byId[execution.Execution.Id] = recent.AddFirst(execution);
            taskRuns += size;
            while (taskRuns > limit && recent.Last is { } oldest)
            {
                recent.RemoveLast();
                byId.Remove(oldest.Value.Execution.Id);
                taskRuns -= oldest.Value.TaskRunRecords.Count;
            }
        }
    }
}
