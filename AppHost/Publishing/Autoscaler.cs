using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// A CPU-based HorizontalPodAutoscaler from the published replicas up to <see cref="PublishOptions.MaxReplicas"/>,
/// for the roles whose load grows with the work queued (worker, executor). Scale-down waits 5 minutes so a burst
/// of flows does not make replicas come and go.
/// </summary>
public static class Autoscaler
{
    public const int TargetCpuUtilization = 70;

    public static V2HorizontalPodAutoscaler? For(ProjectResource project) => project.Publish.MaxReplicas is not { } max ? null : new V2HorizontalPodAutoscaler
    {
        Metadata = new V1ObjectMeta { Name = project.Name, Labels = KubeLabels.For(project.Name, KubeLabels.Components.Service) },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = project.Name },
            MinReplicas = project.Publish.Replicas,
            MaxReplicas = max,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = TargetCpuUtilization },
                    },
                },
            ],
            Behavior = new V2HorizontalPodAutoscalerBehavior
            {
                ScaleDown = new V2HPAScalingRules { StabilizationWindowSeconds = 300 },
            },
        },
    }.Initialize();
}
