using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

public static class PublishResourceBuilderExtensions
{
    /// <summary>
    /// The replicas the published Deployment starts with (local runs keep theirs), and when <paramref name="autoscaleTo"/>
    /// is given, a HorizontalPodAutoscaler between the two.
    /// </summary>
    public static ResourceBuilder<ProjectResource> PublishWithReplicas(this ResourceBuilder<ProjectResource> builder, int replicas, int? autoscaleTo = null)
    {
        if (autoscaleTo < replicas)
        {
            throw new ArgumentOutOfRangeException(nameof(autoscaleTo), autoscaleTo, $"{builder.Resource.Name}: cannot autoscale below its {replicas} replicas");
        }

        builder.Resource.Publish.Replicas = replicas;
        builder.Resource.Publish.MaxReplicas = autoscaleTo;
        return builder;
    }
}
