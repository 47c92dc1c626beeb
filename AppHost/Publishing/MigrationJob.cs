using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The migration step as a Job: Kite.Migrator applies every pending EF migration and exits 0. Services do not wait
/// on it through an init container (that would need API access from every pod); each service's schema check refuses
/// to start against an older schema with a message naming the missing migrations, and Kubernetes restarts it until
/// the Job has run. The Job deletes itself an hour after it finishes, so the next <c>kubectl apply</c> of a new
/// version creates it again instead of failing on its immutable pod template.
/// </summary>
public static class MigrationJob
{
    public static V1Job For(ProjectResource project)
    {
        var labels = KubeLabels.For(project.Name, KubeLabels.Components.Migration);
        var container = new V1Container
        {
            Name = project.Name,
            Image = ContainerImages.For(project),
            ImagePullPolicy = "IfNotPresent",
            EnvFrom = [SharedConfiguration.EnvironmentSource()],
            Env = PublishedEnvironment.For(project),
            Resources = PodDefaults.Resources("100m", "128Mi", "500m", "256Mi"),
        };
        return new V1Job
        {
            Metadata = new V1ObjectMeta { Name = project.Name, Labels = labels },
            Spec = new V1JobSpec
            {
                BackoffLimit = 6,
                ActiveDeadlineSeconds = 900,
                TtlSecondsAfterFinished = 3600,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = PodDefaults.Spec(container, restartPolicy: "Never", terminationGraceSeconds: 30),
                },
            },
        }.Initialize();
    }
}
