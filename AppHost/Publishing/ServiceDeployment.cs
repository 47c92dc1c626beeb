using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>The Deployment of a long-running Kite service, at its published replica count.</summary>
public static class ServiceDeployment
{
    public static V1Deployment For(ProjectResource project)
    {
        var labels = KubeLabels.For(project.Name, KubeLabels.Components.Service);
        var container = new V1Container
        {
            Name = project.Name,
            Image = ContainerImages.For(project),
            ImagePullPolicy = "IfNotPresent",
            Ports = [new V1ContainerPort { Name = "http", ContainerPort = PublishedEnvironment.HttpPort, Protocol = "TCP" }],
            EnvFrom = [SharedConfiguration.EnvironmentSource()],
            Env = PublishedEnvironment.For(project),
            StartupProbe = HealthProbes.Startup(),
            LivenessProbe = HealthProbes.Liveness(),
            ReadinessProbe = HealthProbes.Readiness(),
            Resources = PodDefaults.Resources("250m", "256Mi", "1", "512Mi"),
        };
        return new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = project.Name, Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = project.Publish.Replicas,
                RevisionHistoryLimit = 3,
                Selector = new V1LabelSelector { MatchLabels = KubeLabels.Selector(project.Name) },
                // One new pod at a time and never below the replica count: consumers hand work back on shutdown.
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = PodDefaults.Spec(container),
                },
            },
        }.Initialize();
    }
}
