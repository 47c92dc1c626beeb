using System.IO.Compression;
using System.Security.Cryptography;

namespace Kite.Api.Ui;

/// <summary>One file of the bundled UI, held in memory with its gzip form and a content hash for <c>ETag</c>.</summary>
public sealed record UiAsset(string ContentType, byte[] Content, byte[] Gzipped, string ETag)
{
    public static UiAsset Of(string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"";
        return new UiAsset(ContentTypeOf(name), content, buffer.ToArray(), etag);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
