using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// At most one replica of a service is evicted at a time by a drain. <c>maxUnavailable</c> rather than
/// <c>minAvailable</c>, so a single-replica service (purge) never blocks a node drain.
/// </summary>
public static class DisruptionBudget
{
    public static V1PodDisruptionBudget For(ProjectResource project) => new V1PodDisruptionBudget
    {
        Metadata = new V1ObjectMeta { Name = project.Name, Labels = KubeLabels.For(project.Name, KubeLabels.Components.Service) },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = KubeLabels.Selector(project.Name) },
        },
    }.Initialize();
}
