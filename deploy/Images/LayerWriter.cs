using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Kite.Images;

/// <summary>
/// Packs a folder into an image layer: a gzip-compressed tar of its tree, paths relative to the folder, owners and
/// modes as they are on disk, in name order. The contents of <c>dev</c>, <c>proc</c> and <c>sys</c> are left out
/// (a container runtime mounts its own); the folders themselves stay.
/// </summary>
public static class LayerWriter
{
    private static readonly string[] RuntimeMounts = ["dev", "proc", "sys"];

    /// <summary>Writes the layer to <paramref name="gzipFile"/> and returns its diff id (the digest of the uncompressed tar).</summary>
    public static string Write(string root, string gzipFile)
    {
        using var file = File.Create(gzipFile);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var tar = new TarWriter(new HashingStream(gzip, hash), TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, name) in Entries(root, ""))
            {
                tar.WriteEntry(path, name);
            }
        }

        return $"sha256:{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    private static IEnumerable<(string Path, string Name)> Entries(string directory, string prefix)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var name = prefix + Path.GetFileName(path);
            var info = new FileInfo(path);
            var isDirectory = info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null;
            yield return (path, isDirectory ? name + "/" : name);
            if (isDirectory && !(prefix.Length == 0 && RuntimeMounts.Contains(name)))
            {
                foreach (var entry in Entries(path, name + "/"))
                {
                    yield return entry;
                }
            }
        }
    }
}
