namespace Kite.Data.Storage;

/// <summary>
/// A file in internal storage, as Kestra names it: <c>kestra:///{namespace as folders}/{flowId}/executions/{executionId}/...</c>.
/// The path is checked once here (no empty, <c>.</c> or <c>..</c> segment, no backslash), so no store can be led outside its root.
/// </summary>
public sealed record StorageUri
{
    public const string Scheme = "kestra://";

    private StorageUri(string path) => Path = path;

    /// <summary>The path below the storage root, without a leading slash: <c>company/team/flow/executions/...</c>.</summary>
    public string Path { get; }

    /// <summary>The last segment of the path.</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>A file a task run wrote: <c>.../executions/{id}/tasks/{taskId}/{taskRunId}/{fileName}</c>.</summary>
    public static StorageUri ForTaskRun(string @namespace, string flowId, string executionId, string taskId, string taskRunId, string fileName) =>
        FromPath($"{ExecutionFiles.PrefixOf(@namespace, flowId, executionId)}tasks/{taskId}/{taskRunId}/{fileName}");

    /// <summary>A FILE input's upload: <c>.../executions/{id}/inputs/{inputId}/{fileName}</c>.</summary>
    public static StorageUri ForInput(string @namespace, string flowId, string executionId, string inputId, string fileName) =>
        FromPath($"{ExecutionFiles.PrefixOf(@namespace, flowId, executionId)}inputs/{inputId}/{fileName}");

    /// <summary>Reads <c>kestra:///a/b/c</c> (or <c>kestra://a/b/c</c>); throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static StorageUri Parse(string text) =>
        TryParse(text, out var uri, out var error) ? uri : throw new FormatException(error);

    public static bool TryParse(string? text, out StorageUri uri, out string error)
    {
        uri = null!;
        if (text is null || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            error = $"'{text}' is not an internal-storage URI (kestra:///...)";
            return false;
        }

        var path = Uri.UnescapeDataString(text[Scheme.Length..].TrimStart('/'));
        error = Check(path) is { } problem ? $"'{text}' is not a valid internal-storage URI: {problem}" : "";
        if (error.Length > 0)
        {
            return false;
        }

        uri = new StorageUri(path);
        return true;
    }

    public static StorageUri FromPath(string path) =>
        Check(path) is { } problem ? throw new FormatException($"'{path}' is not a valid internal-storage path: {problem}") : new StorageUri(path);

    private static string? Check(string path)
    {
        if (path.Length == 0)
        {
            return "the path is empty";
        }

        if (path.Contains('\\') || path.Contains('\0'))
        {
            return "the path holds a backslash or a NUL character";
        }

        return path.Split('/').Any(s => s is "" or "." or "..") ? "a path segment is empty, '.' or '..'" : null;
    }

    public override string ToString() => $"{Scheme}/{Path}";
}
