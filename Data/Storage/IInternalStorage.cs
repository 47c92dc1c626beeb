namespace Kite.Data.Storage;

/// <summary>
/// Where task files live (<c>kestra://</c> URIs): FILE inputs, Write and Download outputs, script output files.
/// <see cref="LocalFolderStorage"/> for one machine, <see cref="PostgresStorage"/> for workers on several nodes;
/// <c>Kite:Storage:Type</c> chooses. Contents are streamed both ways.
/// </summary>
public interface IInternalStorage
{
    /// <summary>Stores the stream's content under the URI, replacing any file there; returns its size in bytes.</summary>
    Task<long> PutAsync(StorageUri uri, Stream content, CancellationToken cancellationToken);

    /// <summary>The file's content to read (the caller disposes it), or null when there is no such file.</summary>
    Task<Stream?> OpenAsync(StorageUri uri, CancellationToken cancellationToken);

    /// <summary>The file's size in bytes, or null when there is no such file.</summary>
    Task<long?> SizeAsync(StorageUri uri, CancellationToken cancellationToken);

    /// <summary>False when there was no such file.</summary>
    Task<bool> DeleteAsync(StorageUri uri, CancellationToken cancellationToken);

    /// <summary>Every file of each execution, in one call; returns how many files were deleted.</summary>
    Task<int> DeleteExecutionsAsync(IReadOnlyCollection<ExecutionFiles> executions, CancellationToken cancellationToken);

    /// <summary>The execution's files in path order.</summary>
    IAsyncEnumerable<StoredFile> ListAsync(ExecutionFiles execution, CancellationToken cancellationToken);

    async Task<bool> ExistsAsync(StorageUri uri, CancellationToken cancellationToken) => await SizeAsync(uri, cancellationToken) is not null;
}
