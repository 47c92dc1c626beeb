using System.Text;
using Kite.Core.Expressions;

namespace Kite.Data.Storage;

/// <summary>
/// Internal storage as expressions see it (<c>read()</c>, <c>fileSize()</c>, <c>fileExists()</c>...). Core renders
/// synchronously, so this blocks on the store; it serves <c>kestra://</c> URIs only (namespace files are not stored yet).
/// </summary>
public sealed class StorageFileStore(IInternalStorage storage) : IFileStore
{
    public string? Read(string? @namespace, string pathOrUri)
    {
        using var stream = storage.OpenAsync(Parse(pathOrUri), CancellationToken.None).GetAwaiter().GetResult();
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public long? Size(string? @namespace, string pathOrUri) => storage.SizeAsync(Parse(pathOrUri), CancellationToken.None).GetAwaiter().GetResult();

    public string UriOf(string? @namespace, string path) =>
        throw new ExpressionException($"fileURI('{path}'): namespace files are not supported yet");

    private static StorageUri Parse(string pathOrUri) =>
        StorageUri.TryParse(pathOrUri, out var uri, out var error) ? uri : throw new ExpressionException(
            pathOrUri.StartsWith(StorageUri.Scheme, StringComparison.Ordinal) ? error : $"'{pathOrUri}': namespace files are not supported yet, only kestra:// URIs");
}
