using k8s.Models;
using Kite.AppHost.Publishing;

namespace Kite.Publishing.Tests;

public sealed class OverlayTests
{
    private readonly PublishedTree tree = PublishedTree.Instance;

    [Fact]
    public void The_dev_overlay_builds_and_runs_postgres_and_rabbitmq_as_statefulsets_with_persistent_volume_claims()
    {
        var objects = tree.Kustomize("dev");

        var statefulSets = objects.OfType<V1StatefulSet>().ToDictionary(s => s.Metadata.Name);
        Assert.Equal(["postgres", "rabbitmq"], statefulSets.Keys.Order());
        Assert.All(statefulSets.Values, s =>
        {
            Assert.Equal("ReadWriteOnce", Assert.Single(Assert.Single(s.Spec.VolumeClaimTemplates).Spec.AccessModes));
            Assert.Equal(s.Metadata.Name, s.Spec.ServiceName);
            Assert.Contains(objects.OfType<V1Service>(), svc => svc.Metadata.Name == s.Metadata.Name && svc.Spec.ClusterIP == "None");
        });
        var namespaces = objects.Where(o => o is not V1Namespace).Cast<IMetadata<V1ObjectMeta>>().Select(o => o.Metadata.NamespaceProperty).Distinct();
        Assert.Equal(["kite"], namespaces);
    }

    [Fact]
    public void The_dev_overlay_points_the_connection_strings_at_its_in_cluster_servers()
    {
        var secret = tree.Kustomize("dev").OfType<V1Secret>().Single(s => s.Metadata.Name == ConnectionSecrets.Name);

        Assert.Contains("Host=postgres;Port=5432;", secret.StringData["postgres"], StringComparison.Ordinal);
        Assert.Contains("Database=kite", secret.StringData["postgres"], StringComparison.Ordinal);
        Assert.StartsWith("amqp://kite:", secret.StringData["rabbitmq"], StringComparison.Ordinal);
        Assert.EndsWith("@rabbitmq:5672", secret.StringData["rabbitmq"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_external_overlay_builds_without_servers_and_leaves_the_connection_strings_secret_to_the_operator()
    {
        var objects = tree.Kustomize("external");

        Assert.Empty(objects.OfType<V1StatefulSet>());
        Assert.Empty(objects.OfType<V1Secret>());
        Assert.Equal(5, objects.OfType<V1Deployment>().Count());
        Assert.Single(objects.OfType<V1Job>());
    }
}
