using System.Text.Json;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

public sealed class ContainerImageTests
{
    [Theory]
    [InlineData("Worker.Service", "kite/worker")]
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
}
