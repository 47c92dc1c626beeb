using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kite.Images;

/// <summary>
/// An OCI image layout folder (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/</c>): one repository whose
/// tags are the <c>org.opencontainers.image.ref.name</c> annotations of the index's manifests.
/// </summary>
public sealed partial class OciLayout
{
    private const string RefName = "org.opencontainers.image.ref.name";

    private OciLayout(string directory) => Directory = directory;

    public string Directory { get; }

    private string IndexPath => Path.Combine(Directory, "index.json");

    public static OciLayout Create(string directory)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var layout = new OciLayout(directory);
        if (!File.Exists(layout.IndexPath))
        {
            layout.WriteIndex([]);
        }

        return layout;
    }

    /// <summary>The layout in a folder, or null when the folder holds none.</summary>
    public static OciLayout? Open(string directory) =>
        File.Exists(Path.Combine(directory, "oci-layout")) && File.Exists(Path.Combine(directory, "index.json")) ? new OciLayout(directory) : null;

    public static bool IsDigest(string reference) => DigestPattern().IsMatch(reference);

    /// <summary>The blob's file, or null when the digest is malformed or absent.</summary>
    public string? BlobPath(string digest)
    {
        if (!IsDigest(digest))
        {
            return null;
        }

        var path = Path.Combine(Directory, "blobs", "sha256", digest["sha256:".Length..]);
        return File.Exists(path) ? path : null;
    }

    public Descriptor AddBlob(string mediaType, byte[] content)
    {
        var digest = $"sha256:{Convert.ToHexStringLower(SHA256.HashData(content))}";
        File.WriteAllBytes(Path.Combine(Directory, "blobs", "sha256", digest["sha256:".Length..]), content);
        return new Descriptor(mediaType, digest, content.Length);
    }

    /// <summary>Moves a finished file into the blob store under its digest.</summary>
    public Descriptor AddBlobFile(string mediaType, string file)
    {
        string digest;
        using (var stream = File.OpenRead(file))
        {
            digest = $"sha256:{Convert.ToHexStringLower(SHA256.HashData(stream))}";
        }

        var size = new FileInfo(file).Length;
        File.Move(file, Path.Combine(Directory, "blobs", "sha256", digest["sha256:".Length..]), overwrite: true);
        return new Descriptor(mediaType, digest, size);
    }

    /// <summary>Points the tag at a manifest, replacing what it pointed at before.</summary>
    public void Tag(Descriptor manifest, string tag)
    {
        var manifests = ReadIndex().Where(m => TagOf(m) != tag).ToList();
        var entry = manifest.ToJson();
        entry["annotations"] = new JsonObject { [RefName] = tag };
        manifests.Add(entry);
        WriteIndex(manifests);
    }

    /// <summary>A manifest by tag or by digest, or null when the layout has no such manifest.</summary>
    public Descriptor? FindManifest(string reference)
    {
        foreach (var entry in ReadIndex())
        {
            var digest = entry["digest"]!.GetValue<string>();
            if (reference == digest || reference == TagOf(entry))
            {
                return new Descriptor(entry["mediaType"]!.GetValue<string>(), digest, entry["size"]!.GetValue<long>());
            }
        }

        return null;
    }

    private static string? TagOf(JsonNode entry) => entry["annotations"]?[RefName]?.GetValue<string>();

    private List<JsonNode> ReadIndex() =>
        [.. JsonNode.Parse(File.ReadAllText(IndexPath))!["manifests"]!.AsArray().Select(m => m!.DeepClone())];

    private void WriteIndex(IEnumerable<JsonNode> manifests)
    {
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciIndex,
            ["manifests"] = new JsonArray([.. manifests]),
        };
        File.WriteAllText(IndexPath, index.ToJsonString(ImageJson.Options));
    }

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();
}
