using System.Text;
using Kite.Api.Problems;
using Kite.Api.Routing;
using Kite.Data.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace Kite.Api.Executions;

/// <summary>
/// Kestra's routes to an execution's stored files (FILE inputs, task output files): download, size and a text preview.
/// Each takes <c>?path=kestra:///...</c>, which must be under the execution's own folder (<see cref="ExecutionFile"/>).
/// </summary>
public static class ExecutionFilesApi
{
    private const int DefaultPreviewLines = 100;
    private const int MaxPreviewLines = 5000;
    private const int MaxPreviewChars = 2 * 1024 * 1024;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapExecutionFilesApi(this IEndpointRouteBuilder app) => app.MapTenantAliased(api =>
    {
        var executions = api.MapGroup("/executions").WithTags("Executions");
        executions.MapGet("/{id}/file", Download);
        executions.MapGet("/{id}/file/metas", Metas);
        executions.MapGet("/{id}/file/preview", Preview);
    });

    /// <summary>The file as an attachment named after it; its type guessed from the extension, else octet-stream.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string id, string? path, HttpResponse response, ExecutionStore executions, IInternalStorage storage, CancellationToken cancellationToken)
    {
        var (uri, problem) = await ExecutionFile.ResolveAsync(id, path, executions, cancellationToken);
        if (uri is null)
        {
            return problem!;
        }

        if (await storage.OpenAsync(uri, cancellationToken) is not { } content)
        {
            return NoFile(path!);
        }

        // Never rendered by the browser as the UI's own page, whatever the file holds.
        response.Headers.XContentTypeOptions = "nosniff";
        var type = ContentTypes.TryGetContentType(uri.FileName, out var guessed) ? guessed : "application/octet-stream";
        return TypedResults.Stream(content, type, uri.FileName);
    }

    public static async Task<Results<Ok<FileMetas>, ProblemHttpResult>> Metas(
        string id, string? path, ExecutionStore executions, IInternalStorage storage, CancellationToken cancellationToken)
    {
        var (uri, problem) = await ExecutionFile.ResolveAsync(id, path, executions, cancellationToken);
        if (uri is null)
        {
            return problem!;
        }

        return await storage.SizeAsync(uri, cancellationToken) is { } size ? TypedResults.Ok(new FileMetas(size)) : NoFile(path!);
    }

    /// <summary>The first <c>maxRows</c> lines (100 by default, at most 5000, at most 2 MiB of text) in <c>encoding</c> (UTF-8).</summary>
    public static async Task<Results<Ok<FilePreview>, ProblemHttpResult>> Preview(
        string id, string? path, string? encoding, HttpRequest request, ExecutionStore executions, IInternalStorage storage, CancellationToken cancellationToken)
    {
        var maxRows = QueryValues.Number(request.Query, "maxRows");
        var (uri, problem) = await ExecutionFile.ResolveAsync(id, path, executions, cancellationToken);
        if (uri is null)
        {
            return problem!;
        }

        Encoding charset;
        try
        {
            charset = string.IsNullOrWhiteSpace(encoding) ? Encoding.UTF8 : Encoding.GetEncoding(encoding);
        }
        catch (ArgumentException)
        {
            return Problem.Unprocessable("encoding", $"unable to preview using encoding '{encoding}'");
        }

        if (await storage.OpenAsync(uri, cancellationToken) is not { } content)
        {
            return NoFile(path!);
        }

        var lines = Math.Clamp(maxRows ?? DefaultPreviewLines, 1, MaxPreviewLines);
        await using (content)
        {
            var (text, truncated) = await FirstLinesAsync(new StreamReader(content, charset), lines, cancellationToken);
            var extension = Path.GetExtension(uri.FileName).TrimStart('.');
            var type = extension.Equals("md", StringComparison.OrdinalIgnoreCase) ? "MARKDOWN" : "TEXT";
            return TypedResults.Ok(new FilePreview(extension, type, text, lines, truncated));
        }
    }

    /// <summary>Up to <paramref name="maxLines"/> lines joined by '\n' (a line's '\r' dropped), read a block at a time so one endless line cannot fill memory.</summary>
    private static async Task<(string Text, bool Truncated)> FirstLinesAsync(StreamReader reader, int maxLines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        var lines = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n' && ++lines == maxLines)
                {
                    return (text.ToString(), i + 1 < read || await reader.ReadAsync(buffer, cancellationToken) > 0);
                }

                if (c != '\r')
                {
                    text.Append(c);
                }

                if (text.Length == MaxPreviewChars)
                {
                    return (text.ToString(), true);
                }
            }
        }

        // A last line ends with '\n' as every other does; no empty line follows it.
        return (text.Length > 0 && text[^1] == '\n' ? text.ToString(0, text.Length - 1) : text.ToString(), false);
    }

    private static ProblemHttpResult NoFile(string path) => Problem.NotFound($"no file '{path}' in internal storage");
}
