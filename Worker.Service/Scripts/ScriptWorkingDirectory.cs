using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Values;
using Kite.Data.Storage;
using Kite.Worker.Jobs;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Kite.Worker.Scripts;

/// <summary>
/// The folder a script runs in, one per task run attempt, deleted with everything in it when the run ends:
/// <c>inputFiles</c> are written into it before, <c>outputFiles</c> globs are uploaded from it after.
/// </summary>
public sealed class ScriptWorkingDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kite-run-").FullName;

    /// <summary>Writes each file of <c>inputFiles</c> (a map, or an expression rendering to one): text content, or the file a <c>kestra://</c> URI names.</summary>
    public async Task WriteInputFilesAsync(object? inputFiles, TaskRunContext context, CancellationToken cancellationToken)
    {
        var rendered = inputFiles is string expression ? TemplateEngine.Evaluate(expression, context.Render) : Core.Executions.Context.ValueRenderer.Render(inputFiles, context.Render);
        if (rendered is string json)
        {
            rendered = json.TrimStart().StartsWith('{') ? PlainJson.Parse(json) : throw new TaskFailedException("inputFiles must be a map of file name to content");
        }

        foreach (var (name, value) in rendered as IDictionary<string, object?> ?? new Dictionary<string, object?>())
        {
            var target = Inside(name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            var content = PlainValues.ToText(value);
            if (StorageUri.TryParse(content, out var uri, out _))
            {
                await using var source = await context.Storage.OpenAsync(uri, cancellationToken) ?? throw new TaskFailedException($"inputFiles.{name}: no file {content}");
                await using var file = File.Create(target);
                await source.CopyToAsync(file, cancellationToken);
            }
            else
            {
                await File.WriteAllTextAsync(target, content, cancellationToken);
            }
        }
    }

    /// <summary>Uploads every file matching the globs to the task run's storage; returns relative path → <c>kestra://</c> URI.</summary>
    public async Task<Dictionary<string, object?>> UploadOutputFilesAsync(IEnumerable<string> globs, TaskRunContext context, CancellationToken cancellationToken)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(globs);
        var uploaded = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var relative in matcher.GetResultsInFullPath(Path).Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            await using var file = File.OpenRead(System.IO.Path.Combine(Path, relative));
            uploaded[relative] = (await context.PutFileAsync(relative, file, cancellationToken)).Uri.ToString();
        }

        return uploaded;
    }

    private string Inside(string name)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, name));
        return full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new TaskFailedException($"inputFiles: '{name}' is outside the working directory");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that outlived its group kill; the temp cleaner takes it.
        }
    }
}
