using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>Writes the published tree to a folder, replacing what an earlier publish wrote there and nothing else.</summary>
public static class KubernetesPublisher
{
    /// <summary>What a publish owns in its output folder: removed first, so a resource dropped from the model leaves no file behind.</summary>
    private static readonly string[] OwnedFolders = ["base", "overlays"];

    public static int Publish(IReadOnlyList<Resource> resources, PublishCommand command)
    {
        var files = KubernetesTree.For(resources);
        Write(files, command.OutputDirectory);
        Console.WriteLine($"Published {files.Count} files for {resources.Count} resources to {command.OutputDirectory}");
        return 0;
    }

    public static void Write(IReadOnlyList<ManifestFile> files, string outputDirectory)
    {
        foreach (var folder in OwnedFolders.Select(f => Path.Combine(outputDirectory, f)).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var file in files)
        {
            var path = Path.Combine(outputDirectory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
    }
}
