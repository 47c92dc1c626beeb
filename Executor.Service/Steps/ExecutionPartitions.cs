using Microsoft.Extensions.Options;

namespace Kite.Executor.Steps;

/// <summary>
/// In-process partitioning by execution id: steps of one execution are serialised, steps of different executions
/// run in parallel up to the number of partitions. Across replicas, the row lock does the same job.
/// </summary>
public sealed class ExecutionPartitions(IOptions<ExecutorOptions> options) : IDisposable
{
    private readonly SemaphoreSlim[] partitions = [.. Enumerable.Range(0, Math.Max(1, options.Value.Partitions)).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string executionId, CancellationToken cancellationToken)
    {
        var partition = partitions[(int)((uint)StableHash(executionId) % (uint)partitions.Length)];
        await partition.WaitAsync(cancellationToken);
        return new Release(partition);
    }

    public void Dispose()
    {
        foreach (var partition in partitions)
        {
            partition.Dispose();
        }
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and a partition must not depend on that.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private sealed class Release(SemaphoreSlim partition) : IDisposable
    {
        public void Dispose() => partition.Release();
    }
}
