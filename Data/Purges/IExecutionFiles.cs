namespace Kite.Data.Purges;

/// <summary>The internal storage as a purge sees it: delete every file an execution left, return how many.</summary>
public interface IExecutionFiles
{
    Task<int> DeleteAsync(ExecutionKey execution, CancellationToken cancellationToken);
}
