using System.Globalization;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

/// <summary>One image built end to end by the SDK without registry access: what `docker load` would receive.</summary>
public sealed class ContainerBuildTests(MigratorImageBuild build) : IClassFixture<MigratorImageBuild>
{
    [Fact]
    public void The_archive_loads_under_the_name_the_manifests_run()
    {
        Assert.Equal([$"{ContainerImages.Repository}/migrator:{ContainerImages.Tag}"], build.Archive.RepoTags);
    }

    [Fact]
    public void The_image_runs_the_migrator_with_dotnet_from_app_as_user_1654()
    {
        Assert.Equal(PodDefaults.AppUserId.ToString(CultureInfo.InvariantCulture), build.Archive.User);
        Assert.Equal(["dotnet", "/app/Kite.Migrator.dll"], build.Archive.Entrypoint);
        Assert.Equal("/app", build.Archive.WorkingDirectory.TrimEnd('/'));
    }

    [Fact]
    public void The_base_image_is_the_lower_layer_unchanged_and_its_environment_is_kept()
    {
        var diffIds = build.Archive.Config["rootfs"]!["diff_ids"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();

        Assert.Equal(2, build.Archive.Layers.Count);
        Assert.Equal(build.BaseDiffId, diffIds[0]);
        Assert.Subset(build.Archive.Environment.ToHashSet(), TestBaseImage.Environment.ToHashSet());
        Assert.Contains("app:x:1654:1654:", File.ReadAllText(Path.Combine(build.RootFileSystem, "etc", "passwd")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_layer_holds_the_migrator_and_what_it_references()
    {
        foreach (var file in new[] { "Kite.Migrator.dll", "Kite.Migrator.runtimeconfig.json", "Kite.Data.dll", "Npgsql.dll" })
        {
            Assert.True(File.Exists(Path.Combine(build.RootFileSystem, "app", file)), $"/app/{file} is missing from the image");
        }
    }
}
