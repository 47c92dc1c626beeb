using System.Text.Json.Nodes;
using Kite.Images;

namespace Kite.Publishing.Tests;

/// <summary>
/// kite/migrator built once, as scripts/build-images.sh builds it: <c>dotnet publish Migrator -t:PublishContainer</c>
/// on the test base image served by <see cref="LocalRegistry"/>, into an archive, then unpacked. The build has its own
/// artifacts folder and no build servers, so it neither touches the repository's bin/obj nor outlives the test.
/// </summary>
public sealed class MigratorImageBuild : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"kite-image-{Guid.NewGuid():N}");

    public ImageArchive Archive { get; private set; } = null!;

    /// <summary>The diff id of the base image's one layer, as its config names it.</summary>
    public string BaseDiffId { get; private set; } = null!;

    public string RootFileSystem => Path.Combine(Directory, "rootfs");

    public async Task InitializeAsync()
    {
        var layouts = Path.Combine(Directory, "layouts");
        var manifest = TestBaseImage.WriteTo(layouts);
        var layout = OciLayout.Open(Path.Combine(layouts, TestBaseImage.Repository))!;
        var config = JsonNode.Parse(File.ReadAllText(layout.BlobPath(JsonNode.Parse(File.ReadAllText(layout.BlobPath(manifest.Digest)!))!["config"]!["digest"]!.GetValue<string>())!))!;
        BaseDiffId = config["rootfs"]!["diff_ids"]![0]!.GetValue<string>();

        var archive = Path.Combine(Directory, "kite-migrator.tar");
        await using (var registry = await LocalRegistry.StartAsync(layouts))
        {
            var (code, output) = await Task.Run(() => Tools.Run(
                "dotnet",
                ["publish", "Migrator", "-c", "Release", "-t:PublishContainer", "-v", "q", "-nologo", "--disable-build-servers",
                 "--artifacts-path", Path.Combine(Directory, "artifacts"),
                 $"-p:ContainerBaseImage={registry.Address}/{TestBaseImage.Repository}:{TestBaseImage.Tag}",
                 $"-p:ContainerArchiveOutputPath={archive}"],
                PublishedTree.RepositoryRoot,
                TimeSpan.FromMinutes(10)));
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet publish -t:PublishContainer exited {code}: {output}");
            }
        }

        Archive = ImageArchive.Open(archive, Path.Combine(Directory, "archive"));
        Archive.UnpackTo(RootFileSystem);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
