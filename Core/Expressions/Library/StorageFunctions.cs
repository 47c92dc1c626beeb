namespace Kite.Core.Expressions.Library;

/// <summary>
/// The functions that read what the host stores: <c>kv</c> through <see cref="IKvStore"/>, and <c>read</c>, <c>fileURI</c>,
/// <c>fileSize</c>, <c>fileExists</c>, <c>isFileEmpty</c> through <see cref="IFileStore"/>. Namespace defaults to the flow's.
/// </summary>
internal static class StorageFunctions
{
    public static IReadOnlyDictionary<string, Function> All { get; } = new Dictionary<string, Function>(StringComparer.Ordinal)
    {
        ["kv"] = Kv,
        ["read"] = Read,
        ["fileURI"] = (args, scope) => Files(scope, "fileURI").UriOf(Namespace(args, scope), Path(args, "fileURI")),
        ["fileSize"] = (args, scope) => Files(scope, "fileSize").Size(Namespace(args, scope), Path(args, "fileSize"))
            ?? throw new ExpressionException($"fileSize(): no file '{Path(args, "fileSize")}'"),
        ["fileExists"] = (args, scope) => Files(scope, "fileExists").Size(Namespace(args, scope), Path(args, "fileExists")) is not null,
        ["isFileEmpty"] = (args, scope) => (Files(scope, "isFileEmpty").Size(Namespace(args, scope), Path(args, "isFileEmpty"))
            ?? throw new ExpressionException($"isFileEmpty(): no file '{Path(args, "isFileEmpty")}'")) == 0,
    };

    /// <summary><c>kv(key, namespace, errorOnMissing)</c>: unlike the kv.Get task, a missing key is an error unless errorOnMissing is false.</summary>
    private static object? Kv(Arguments args, Scope scope)
    {
        var key = args.String(0, "key") ?? throw new ExpressionException("kv() needs the key");
        var ns = args.String(1, "namespace") ?? scope.Context.Namespace ?? throw new ExpressionException("kv(): no namespace");
        var store = scope.Context.Kv ?? throw new ExpressionException($"kv '{key}' cannot be read: no key-value store is configured");
        if (store.TryGet(ns, key, out var value))
        {
            return value;
        }
        return args.Get(2, "errorOnMissing") is false ? null : throw new ExpressionException($"kv key '{key}' does not exist in namespace '{ns}'");
    }

    /// <summary>
    /// <c>read(path)</c>: the file's text. Its size is looked at first, so that a file larger than the render may build
    /// fails at once instead of being loaded whole into the worker's memory.
    /// </summary>
    private static object Read(Arguments args, Scope scope)
    {
        var files = Files(scope, "read");
        var (ns, path) = (Namespace(args, scope), Path(args, "read"));
        var limit = scope.Meter.Budget.MaxLength;
        if (files.Size(ns, path) is { } bytes && bytes > limit)
        {
            throw new ExpressionException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"read(): '{path}' is {bytes:N0} bytes, more than the render's limit of {limit:N0} characters; give its URI to a task that streams it instead"));
        }

        return files.Read(ns, path) ?? throw new ExpressionException($"read(): no file '{path}'");
    }

    private static string Path(Arguments args, string function) => args.String(0, "path") ?? throw new ExpressionException($"{function}() needs a path or URI");

    private static string? Namespace(Arguments args, Scope scope) => args.String(1, "namespace") ?? scope.Context.Namespace;

    private static IFileStore Files(Scope scope, string function) =>
        scope.Context.Files ?? throw new ExpressionException($"{function}() cannot read files: no file store is configured");
}
