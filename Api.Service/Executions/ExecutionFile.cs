using Kite.Api.Problems;
using Kite.Data.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kite.Api.Executions;

/// <summary>
/// Which stored file a <c>?path=kestra:///...</c> names, as Kestra's <c>validateFile</c> allows it: only a file under
/// the execution's own folder. The URI is parsed once by <see cref="StorageUri"/> (decoded, with no '.', '..' or empty
/// segment), so the prefix check cannot be walked around and no store is read outside its root.
/// </summary>
public static class ExecutionFile
{
    public static async Task<(StorageUri? Uri, ProblemHttpResult? Problem)> ResolveAsync(
        string executionId, string? path, ExecutionStore executions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, Problem.BadRequest("path", "path is required: the file's internal-storage URI, kestra:///..."));
        }

        if (!StorageUri.TryParse(path, out var uri, out var error))
        {
            return (null, Problem.Unprocessable("path", error));
        }

        if (await executions.FilesOfAsync(executionId, cancellationToken) is not { } files)
        {
            return (null, Problem.NotFound($"execution '{executionId}' does not exist"));
        }

        if (!uri.Path.StartsWith(files.Prefix, StringComparison.Ordinal))
        {
            var owner = OwnerOf(uri);
            return (null, Problem.Unprocessable("path", owner is null || owner == executionId
                ? $"'{path}' is not a file of execution '{executionId}'; its files are under kestra:///{files.Prefix}"
                : $"'{path}' is a file of execution '{owner}', not of '{executionId}'; ask /api/v1/executions/{owner}/file for it"));
        }

        return (uri, null);
    }

    /// <summary>The execution a path names (<c>.../executions/{id}/...</c>), if any.</summary>
    private static string? OwnerOf(StorageUri uri)
    {
        var segments = uri.Path.Split('/');
        var at = Array.IndexOf(segments, "executions");
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : null;
    }
}
