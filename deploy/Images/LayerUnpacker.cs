using System.Formats.Tar;
using System.IO.Compression;

namespace Kite.Images;

/// <summary>
/// Applies an image layer (a tar, gzip-compressed or not) onto a folder the way a container runtime stacks layers:
/// first its whiteouts remove what lower layers put there (<c>.wh.name</c> a path, <c>.wh..wh..opq</c> a folder's
/// contents), then its entries are written over what is left. Owners are kept when running as root; device files are
/// skipped (a runtime mounts its own <c>/dev</c>), hard links become copies. An entry that would leave the folder,
/// by <c>..</c> or through a symbolic link, is refused.
/// </summary>
public static class LayerUnpacker
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";

    public static void Apply(string layerFile, string root)
    {
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        foreach (var entry in Read(layerFile).Where(e => IsWhiteout(e.Name)))
        {
            var name = Path.GetFileName(entry.Name);
            var directory = Resolve(root, Path.GetDirectoryName(entry.Name) ?? "");
            if (name == OpaqueWhiteout)
            {
                if (Directory.Exists(directory))
                {
                    foreach (var child in Directory.EnumerateFileSystemEntries(directory))
                    {
                        Delete(child);
                    }
                }
            }
            else
            {
                Delete(Path.Combine(directory, name[WhiteoutPrefix.Length..]));
            }
        }

        var isRoot = Posix.IsRoot;
        foreach (var entry in Read(layerFile).Where(e => !IsWhiteout(e.Name) && e.Name.Length > 0))
        {
            var path = Resolve(root, entry.Name);
            if (!Write(entry.Entry, path, root))
            {
                continue;
            }

            if (isRoot)
            {
                Posix.SetOwner(path, entry.Entry.Uid, entry.Entry.Gid);
            }

            if (entry.Entry.EntryType != TarEntryType.SymbolicLink)
            {
                File.SetUnixFileMode(path, entry.Entry.Mode);
            }
        }
    }

    private static bool Write(TarEntry entry, string path, string root)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (!Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
                {
                    Delete(path);
                    Directory.CreateDirectory(path);
                }

                return true;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                Delete(path);
                using (var file = File.Create(path))
                {
                    entry.DataStream?.CopyTo(file);
                }

                return true;
            case TarEntryType.SymbolicLink:
                Delete(path);
                File.CreateSymbolicLink(path, entry.LinkName);
                return true;
            case TarEntryType.HardLink:
                Delete(path);
                File.Copy(Resolve(root, Normalize(entry.LinkName)), path);
                return true;
            default:
                return false;
        }
    }

    private static IEnumerable<(string Name, TarEntry Entry)> Read(string layerFile)
    {
        using var file = File.OpenRead(layerFile);
        var isGzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using var content = isGzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new TarReader(content);
        while (reader.GetNextEntry() is { } entry)
        {
            yield return (Normalize(entry.Name), entry);
        }
    }

    private static bool IsWhiteout(string name) => Path.GetFileName(name).StartsWith(WhiteoutPrefix, StringComparison.Ordinal);

    private static string Normalize(string name)
    {
        name = name.Replace('\\', '/').TrimEnd('/');
        while (name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith('/'))
        {
            name = name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];
        }

        return name == "." ? "" : name;
    }

    /// <summary>The path of an entry under the root, refusing <c>..</c> and parents that are symbolic links.</summary>
    private static string Resolve(string root, string name)
    {
        var path = root;
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "." or "..")
            {
                throw new InvalidDataException($"layer entry {name} leaves the image");
            }

            path = Path.Combine(path, parts[i]);
            if (i < parts.Length - 1 && new FileInfo(path).LinkTarget is not null)
            {
                throw new InvalidDataException($"layer entry {name} goes through the symbolic link {path}");
            }
        }

        return path;
    }

    private static void Delete(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (info.Exists || info.LinkTarget is not null)
        {
            File.Delete(path);
        }
    }
}
