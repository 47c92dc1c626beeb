using Kite.Data.Purges;

namespace Kite.Purge.Storage;

/// <summary>
/// Kite has no internal file storage yet, so no execution has files to delete. When <c>Data/Storage</c> lands, its
/// delete-by-execution call replaces this registration in <see cref="Extensions.Extensions"/> (one line).
/// </summary>
public sealed class NoInternalStorage : IExecutionFiles
{
    public Task<int> DeleteAsync(ExecutionKey execution, CancellationToken cancellationToken) => Task.FromResult(0);
}
