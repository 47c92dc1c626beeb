using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace Kite.Images;

/// <summary>
/// A single-layer image made from a root file system folder, written into an OCI layout under a tag: what the
/// SDK's PublishContainer takes as its base image when it cannot pull <c>mcr.microsoft.com/dotnet/aspnet</c>.
/// </summary>
public sealed record BaseImage(string RootFileSystem, IReadOnlyList<string> Environment, string? User, string CreatedBy)
{
    /// <summary>Writes the layer, the config and the manifest into the layout and tags the manifest.</summary>
    public Descriptor WriteTo(OciLayout layout, string tag)
    {
        var layerFile = Path.Combine(layout.Directory, $"layer-{Guid.NewGuid():N}.tmp");
        var diffId = LayerWriter.Write(RootFileSystem, layerFile);
        var layer = layout.AddBlobFile(MediaTypes.Layer, layerFile);

        var created = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var settings = new JsonObject { ["Env"] = new JsonArray([.. Environment.Select(e => JsonValue.Create(e))]) };
        if (User is not null)
        {
            settings["User"] = User;
        }

        var config = new JsonObject
        {
            ["created"] = created,
            ["architecture"] = Architecture,
            ["os"] = "linux",
            ["config"] = settings,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(new JsonObject { ["created"] = created, ["created_by"] = CreatedBy }),
        };
        var configBlob = layout.AddBlob(MediaTypes.Config, Encoding.UTF8.GetBytes(config.ToJsonString(ImageJson.Options)));

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.Manifest,
            ["config"] = configBlob.ToJson(),
            ["layers"] = new JsonArray(layer.ToJson()),
        };
        var manifestBlob = layout.AddBlob(MediaTypes.Manifest, Encoding.UTF8.GetBytes(manifest.ToJsonString(ImageJson.Options)));
        layout.Tag(manifestBlob, tag);
        return manifestBlob;
    }

    /// <summary>The image platform's architecture: the machine's, since the runtime in the image is this machine's.</summary>
    public static string Architecture => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"no image architecture for {other}"),
    };
}
