using System.Formats.Tar;
using System.Text.Json.Nodes;

namespace Kite.Images;

/// <summary>
/// An image archive in the format of <c>docker save</c> (what the SDK writes for a Docker-format base image):
/// <c>manifest.json</c> naming the config and the layers in order, extracted into a folder to be read.
/// </summary>
public sealed class ImageArchive
{
    private readonly string directory;

    private ImageArchive(string directory, JsonNode manifest)
    {
        this.directory = directory;
        RepoTags = [.. manifest["RepoTags"]!.AsArray().Select(t => t!.GetValue<string>())];
        Layers = [.. manifest["Layers"]!.AsArray().Select(l => Path.Combine(directory, l!.GetValue<string>()))];
        Config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, manifest["Config"]!.GetValue<string>())))!;
    }

    /// <summary>The names it loads as, <c>kite/worker:0.1.0</c>.</summary>
    public IReadOnlyList<string> RepoTags { get; }

    /// <summary>The layer files, lowest first.</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The image config: <c>config.User</c>, <c>config.Entrypoint</c>, <c>config.Env</c>, <c>rootfs.diff_ids</c>...</summary>
    public JsonNode Config { get; }

    public string? User => Config["config"]?["User"]?.GetValue<string>();

    public string WorkingDirectory => Config["config"]?["WorkingDir"]?.GetValue<string>() ?? "/";

    public IReadOnlyList<string> Entrypoint => Strings(Config["config"]?["Entrypoint"]);

    public IReadOnlyList<string> Command => Strings(Config["config"]?["Cmd"]);

    public IReadOnlyList<string> Environment => Strings(Config["config"]?["Env"]);

    /// <summary>Extracts the archive into <paramref name="directory"/> (which it keeps) and reads its manifest.</summary>
    public static ImageArchive Open(string archive, string directory)
    {
        Directory.CreateDirectory(directory);
        TarFile.ExtractToDirectory(archive, directory, overwriteFiles: true);
        var manifestFile = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestFile))
        {
            throw new InvalidDataException($"{archive} has no manifest.json: not a `docker save` archive");
        }

        var manifests = JsonNode.Parse(File.ReadAllText(manifestFile))!.AsArray();
        if (manifests.Count != 1)
        {
            throw new InvalidDataException($"{archive} holds {manifests.Count} images; one was expected");
        }

        return new ImageArchive(directory, manifests[0]!);
    }

    /// <summary>Stacks the layers into a root file system folder.</summary>
    public void UnpackTo(string rootFileSystem)
    {
        foreach (var layer in Layers)
        {
            LayerUnpacker.Apply(layer, rootFileSystem);
        }
    }

    private static string[] Strings(JsonNode? array) => array is JsonArray items ? [.. items.Select(i => i!.GetValue<string>())] : [];

    public override string ToString() => $"{string.Join(", ", RepoTags)} in {directory}";
}
