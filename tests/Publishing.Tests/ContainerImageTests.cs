using System.Text.Json;
using System.Text.RegularExpressions;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

public sealed class ContainerImageTests
{
    [Theory]
    [InlineData("Executor.Service", "kite/executor")]
    [InlineData("Worker.Service", "kite/worker")]
    [InlineData("Scheduler.Service", "kite/scheduler")]
    [InlineData("Api.Service", "kite/api")]
    [InlineData("Purge.Service", "kite/purge")]
    [InlineData("Migrator", "kite/migrator")]
    public void The_container_build_names_images_as_the_manifests_do_and_runs_them_as_the_app_user(string project, string repository)
    {
        var (code, output) = Tools.Run("dotnet", ["msbuild", project, "-getProperty:ContainerRepository", "-getProperty:ContainerImageTag", "-getProperty:ContainerUser"], PublishedTree.RepositoryRoot);

        Assert.True(code == 0, output);
        var properties = JsonDocument.Parse(output).RootElement.GetProperty("Properties");
        Assert.Equal(repository, properties.GetProperty("ContainerRepository").GetString());
        Assert.Equal(ContainerImages.Tag, properties.GetProperty("ContainerImageTag").GetString());
        Assert.Equal(PodDefaults.AppUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.GetProperty("ContainerUser").GetString());
    }

    [Fact]
    public void The_image_script_builds_every_image_the_committed_manifests_run()
    {
        var script = File.ReadAllText(Path.Combine(PublishedTree.RepositoryRoot, "scripts", "build-images.sh"));
        var projects = Regex.Match(script, @"^projects=\((?<list>[^)]*)\)", RegexOptions.Multiline).Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var manifests = Directory.GetFiles(Path.Combine(PublishedTree.CommittedTree, "base"), "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText);
        var images = manifests.SelectMany(m => Regex.Matches(m, @"image: (?<image>kite/\S+)").Select(i => i.Groups["image"].Value)).ToHashSet();

        var built = projects.Select(p => $"{ContainerImages.Repository}/{p.Replace(".Service", "", StringComparison.Ordinal)}:{ContainerImages.Tag}");

        Assert.Equal(images.Order(StringComparer.OrdinalIgnoreCase), built.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }
}
