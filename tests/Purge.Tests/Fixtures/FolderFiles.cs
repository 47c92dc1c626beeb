using Kite.Data.Purges;

namespace Kite.Purge.Tests.Fixtures;

/// <summary>
/// Execution files in a local folder (<c>{namespace}/{flow}/executions/{id}/</c>), as the internal storage files them,
/// so purge tests see real files go. <see cref="Interrupt"/> stops the purge at a given call, as a crash would.
/// </summary>
public sealed class FolderFiles(string root) : IExecutionFiles
{
    private int calls;

    /// <summary>Cancelled on the given call to <see cref="DeleteAsync"/>, after that call's files are gone.</summary>
    public (int Call, CancellationTokenSource Source)? Interrupt { get; set; }

    public void Write(SeededExecution execution, int count)
    {
        var folder = Folder(execution.Namespace, execution.FlowId, execution.Id);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"output-{i}.txt"), execution.Id);
        }
    }

    public HashSet<string> ExecutionsWithFiles() =>
        Directory.Exists(root)
            ? Directory.GetDirectories(root, "*", SearchOption.AllDirectories)
                .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "executions")
                .Select(Path.GetFileName).OfType<string>().ToHashSet()
            : [];

    public Task<int> DeleteAsync(ExecutionKey execution, CancellationToken cancellationToken)
    {
        var folder = Folder(execution.Namespace, execution.FlowId, execution.Id);
        var count = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
        if (count > 0)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (Interrupt is { } interrupt && Interlocked.Increment(ref calls) == interrupt.Call)
        {
            interrupt.Source.Cancel();
        }

        return Task.FromResult(count);
    }

    private string Folder(string ns, string flowId, string id) => Path.Combine(root, ns, flowId, "executions", id);
}
