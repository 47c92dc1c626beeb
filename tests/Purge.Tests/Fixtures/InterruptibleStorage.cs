using Kite.Data.Storage;

namespace Kite.Purge.Tests.Fixtures;

/// <summary>
/// The local-folder internal storage, with a way to stop a purge in the middle of deleting files, as a crash there
/// would: <see cref="Interrupt"/> cancels on the given call to <see cref="DeleteExecutionsAsync"/>, after its files are gone.
/// <see cref="Hold"/> keeps a purge batch open instead: the call says it was reached and waits to be released, while
/// the batch's transaction holds its rows.
/// </summary>
public sealed class InterruptibleStorage(string root) : IInternalStorage
{
    private readonly LocalFolderStorage local = new(root);
    private int calls;

    public (int Call, CancellationTokenSource Source)? Interrupt { get; set; }

    public (TaskCompletionSource Reached, Task Released)? Hold { get; set; }

    public async Task WriteAsync(SeededExecution execution, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var content = new MemoryStream("output"u8.ToArray());
            await local.PutAsync(StorageUri.ForTaskRun(execution.Namespace, execution.FlowId, execution.Id, "task", $"{execution.Id}-t0", $"output-{i}.txt"), content, CancellationToken.None);
        }
    }

    /// <summary>Which of these executions still have files.</summary>
    public async Task<HashSet<string>> WithFilesAsync(IEnumerable<SeededExecution> executions)
    {
        HashSet<string> found = [];
        foreach (var execution in executions)
        {
            await foreach (var _ in local.ListAsync(new ExecutionFiles(execution.Namespace, execution.FlowId, execution.Id), CancellationToken.None))
            {
                found.Add(execution.Id);
                break;
            }
        }

        return found;
    }

    public async Task<int> DeleteExecutionsAsync(IReadOnlyCollection<ExecutionFiles> executions, CancellationToken cancellationToken)
    {
        var deleted = await local.DeleteExecutionsAsync(executions, cancellationToken);
        if (Hold is { } hold)
        {
            hold.Reached.TrySetResult();
            await hold.Released.WaitAsync(cancellationToken);
        }

        if (Interrupt is { } interrupt && Interlocked.Increment(ref calls) == interrupt.Call)
        {
            await interrupt.Source.CancelAsync();
        }

        return deleted;
    }

    public Task<long> PutAsync(StorageUri uri, Stream content, CancellationToken cancellationToken) => local.PutAsync(uri, content, cancellationToken);

    public Task<Stream?> OpenAsync(StorageUri uri, CancellationToken cancellationToken) => local.OpenAsync(uri, cancellationToken);

    public Task<long?> SizeAsync(StorageUri uri, CancellationToken cancellationToken) => local.SizeAsync(uri, cancellationToken);

    public Task<bool> DeleteAsync(StorageUri uri, CancellationToken cancellationToken) => local.DeleteAsync(uri, cancellationToken);

    public IAsyncEnumerable<StoredFile> ListAsync(ExecutionFiles execution, CancellationToken cancellationToken) => local.ListAsync(execution, cancellationToken);
}
