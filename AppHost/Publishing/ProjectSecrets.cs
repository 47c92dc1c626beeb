using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// A project's own Secret (<c>kite-{project}-secrets</c>) for its secret variables (the Api's credentials): the base
/// holds placeholders the operator replaces; only that project's pods read it.
/// </summary>
public static class ProjectSecrets
{
    public static string Name(ProjectResource project) => $"kite-{project.Name}-secrets";

    public static V1Secret? Placeholders(ProjectResource project) => project.Secrets.Count == 0
        ? null
        : new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = Name(project), Labels = KubeLabels.For(Name(project), KubeLabels.Components.Configuration) },
            Type = "Opaque",
            StringData = project.Secrets.Keys.ToDictionary(key => key, key => $"REPLACE-ME: {key} for {project.Name}"),
        }.Initialize();

    public static IEnumerable<V1EnvVar> EnvironmentVariables(ProjectResource project) => project.Secrets.Keys.Select(key => new V1EnvVar
    {
        Name = key,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = Name(project), Key = key } },
    });
}
