using System.Reflection;

namespace Kite.Api.Ui;

/// <summary>The UI's files, embedded in this assembly at build time (see Ui.targets): nothing is read from disk or a CDN.</summary>
public sealed class UiAssets
{
    private const string Prefix = "ui/";
    private readonly Dictionary<string, UiAsset> files;

    private UiAssets(Dictionary<string, UiAsset> files) => this.files = files;

    public UiAsset Index => files["index.html"];

    public static UiAssets Load(Assembly assembly)
    {
        var files = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var content = new MemoryStream();
            stream.CopyTo(content);
            var name = resource[Prefix.Length..];
            files[name] = UiAsset.Of(name, content.ToArray());
        }

        if (!files.ContainsKey("index.html"))
        {
            throw new InvalidOperationException("The UI was not embedded in Api.Service: build it with `dotnet build` (Ui.targets runs npm ci and the bundler).");
        }

        return new UiAssets(files);
    }

    /// <summary>A file by name, or null; a path without a file extension is a page of the UI and gets index.html.</summary>
    public UiAsset? Find(string path) =>
        files.TryGetValue(path, out var asset) ? asset
        : Path.HasExtension(path) ? null
        : Index;
}
