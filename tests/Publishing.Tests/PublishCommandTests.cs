using Kite.AppHost.Model;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

public sealed class PublishCommandTests
{
    [Fact]
    public void Without_the_publish_verb_the_arguments_are_left_to_the_run()
    {
        var (command, remaining) = PublishCommand.Parse(["--Kite:ApiPort=9090"]);

        Assert.Null(command);
        Assert.Equal(["--Kite:ApiPort=9090"], remaining);
    }

    [Fact]
    public void Publish_takes_its_output_folder_and_passes_the_other_arguments_on()
    {
        var (command, remaining) = PublishCommand.Parse(["publish", "--output", "out/k8s", "--Kite:ApiPort=9090"]);

        Assert.Equal(Path.Combine(PublishedTree.RepositoryRoot, "out", "k8s"), command!.OutputDirectory);
        Assert.Equal(["--Kite:ApiPort=9090"], remaining);
    }

    [Fact]
    public void Publish_without_an_output_writes_to_deploy_k8s_of_the_repository_wherever_it_runs_from()
    {
        Assert.Equal(PublishedTree.CommittedTree, PublishCommand.Parse(["publish"]).Command!.OutputDirectory);
    }

    [Fact]
    public void An_absolute_output_is_used_as_given()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kite-out");

        Assert.Equal(folder, PublishCommand.Parse(["publish", $"--output={folder}"]).Command!.OutputDirectory);
    }

    [Fact]
    public void Published_replicas_leave_the_local_run_replicas_alone_and_cannot_autoscale_below_themselves()
    {
        var worker = new ResourceBuilder<ProjectResource>(new ProjectResource("worker", "Worker.Service", "/x/w.dll")).WithReplicas(2);

        worker.PublishWithReplicas(3, autoscaleTo: 12);

        Assert.Equal(2, worker.Resource.Replicas);
        Assert.Equal((3, 12), (worker.Resource.Publish.Replicas, worker.Resource.Publish.MaxReplicas));
        Assert.Throws<ArgumentOutOfRangeException>(() => worker.PublishWithReplicas(3, autoscaleTo: 2));
    }

    [Fact]
    public void Publishing_again_removes_files_of_resources_no_longer_in_the_model()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kite-republish-{Guid.NewGuid():N}");
        KubernetesPublisher.Write([new ManifestFile("base/old/deployment.yaml", "x"), new ManifestFile("base/kustomization.yaml", "x")], folder);
        File.WriteAllText(Path.Combine(folder, "README.md"), "kept");

        KubernetesPublisher.Write([new ManifestFile("base/kustomization.yaml", "y")], folder);

        Assert.False(Directory.Exists(Path.Combine(folder, "base", "old")));
        Assert.Equal("y", File.ReadAllText(Path.Combine(folder, "base", "kustomization.yaml")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "README.md")));
        Directory.Delete(folder, recursive: true);
    }
}
