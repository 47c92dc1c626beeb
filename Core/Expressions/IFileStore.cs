namespace Kite.Core.Expressions;

/// <summary>
/// What <c>read</c>, <c>fileURI</c>, <c>fileSize</c>, <c>fileExists</c> and <c>isFileEmpty</c> see: internal storage
/// (<c>kestra://</c> URIs) and namespace files (plain paths), supplied by the host; Core has no I/O.
/// </summary>
public interface IFileStore
{
    /// <summary>The file's text, or null when there is no such file.</summary>
    string? Read(string? @namespace, string pathOrUri);

    /// <summary>The file's size in bytes, or null when there is no such file.</summary>
    long? Size(string? @namespace, string pathOrUri);

    /// <summary>The <c>kestra://</c> URI of a namespace file.</summary>
    string UriOf(string? @namespace, string path);
}
