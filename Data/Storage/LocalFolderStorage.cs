using System.Runtime.CompilerServices;

namespace Kite.Data.Storage;

/// <summary>
/// Internal storage in a folder: one file per URI under the root. A file is written beside its place and renamed into
/// it, so a reader sees the old file or the whole new one, never half of it. Only for services on one machine.
/// </summary>
public sealed class LocalFolderStorage(string root) : IInternalStorage
{
    private const string PartialSuffix = ".partial";

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<long> PutAsync(StorageUri uri, Stream content, CancellationToken cancellationToken)
    {
        var target = PathOf(uri);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}{PartialSuffix}";
        try
        {
            long size;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                size = file.Length;
            }

            File.Move(partial, target, overwrite: true);
            return size;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(uri), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<long?> SizeAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(uri));
        return Task.FromResult<long?>(file.Exists ? file.Length : null);
    }

    public Task<bool> DeleteAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        var path = PathOf(uri);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<int> DeleteExecutionsAsync(IReadOnlyCollection<ExecutionFiles> executions, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var execution in executions)
        {
            var folder = FolderOf(execution);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            deleted += Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(PartialSuffix, StringComparison.Ordinal));
            Directory.Delete(folder, recursive: true);
        }

        return Task.FromResult(deleted);
    }

    public async IAsyncEnumerable<StoredFile> ListAsync(ExecutionFiles execution, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = FolderOf(execution);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.EndsWith(PartialSuffix, StringComparison.Ordinal))
            .Select(f => new StoredFile(StorageUri.FromPath(Path.GetRelativePath(Root, f.FullName).Replace(Path.DirectorySeparatorChar, '/')), f.Length))
            .OrderBy(f => f.Uri.Path, StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }

        await Task.CompletedTask;
    }

    private string PathOf(StorageUri uri) => Path.Combine(Root, uri.Path);

    private string FolderOf(ExecutionFiles execution) => Path.Combine(Root, StorageUri.FromPath(execution.Prefix.TrimEnd('/')).Path);
}
