using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The ClusterIP Service in front of a Kite service's replicas: its DNS name is the resource name, which is what
/// <c>services__{name}__http__0</c> points at. Reaching the Api from outside (Ingress, LoadBalancer) is left to the cluster.
/// </summary>
public static class ServiceEndpoint
{
    public static V1Service For(ProjectResource project) => new V1Service
    {
        Metadata = new V1ObjectMeta { Name = project.Name, Labels = KubeLabels.For(project.Name, KubeLabels.Components.Service) },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = KubeLabels.Selector(project.Name),
            Ports = [new V1ServicePort { Name = "http", Port = PublishedEnvironment.HttpPort, TargetPort = "http", Protocol = "TCP" }],
        },
    }.Initialize();
}
