namespace Kite.AppHost.Model;

/// <summary>How a project runs once published to a cluster, where local-run defaults (one process each) are too few.</summary>
public sealed class PublishOptions
{
    private int replicas = 1;

    /// <summary>The replicas a published Deployment starts with; also the autoscaler's floor.</summary>
    public int Replicas
    {
        get => replicas;
        set => replicas = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "published replicas must be at least 1");
    }

    /// <summary>The autoscaler's ceiling; null publishes a fixed replica count and no autoscaler.</summary>
    public int? MaxReplicas { get; set; }
}
