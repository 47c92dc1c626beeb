using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The kustomize tree for a resource model: <c>base/</c> (namespace, configuration, the migration Job, and per service
/// a Deployment, Service, PodDisruptionBudget and, when it autoscales, a HorizontalPodAutoscaler), the overlays
/// <c>dev</c> (PostgreSQL and RabbitMQ in the cluster) and <c>external</c> (managed servers, connection strings in a
/// Secret the operator owns), and <c>aspire-manifest.json</c>.
/// </summary>
public static class KubernetesTree
{
    public static IReadOnlyList<ManifestFile> For(IReadOnlyList<Resource> resources)
    {
        var servers = resources.OfType<ConnectionResource>().ToList();
        var projects = resources.OfType<ProjectResource>().ToList();
        var files = new List<ManifestFile>();
        files.AddRange(Base(servers, projects));
        files.AddRange(DevOverlay(servers));
        files.AddRange(ExternalOverlay(projects));
        files.Add(new ManifestFile(AspireManifest.FileName, AspireManifest.For(resources)));
        return files;
    }

    private static List<ManifestFile> Base(List<ConnectionResource> servers, List<ProjectResource> projects)
    {
        var files = new List<ManifestFile>
        {
            new("base/namespace.yaml", YamlText.Of(SharedConfiguration.NamespaceObject())),
            new("base/config.yaml", YamlText.Of(SharedConfiguration.ConfigMap())),
            new("base/connection-strings.yaml", YamlText.Of(ConnectionSecrets.Placeholders(servers))),
        };
        foreach (var project in projects)
        {
            if (project.RunsToCompletion)
            {
                files.Add(new($"base/{project.Name}/job.yaml", YamlText.Of(MigrationJob.For(project))));
                continue;
            }

            if (ProjectSecrets.Placeholders(project) is { } secret)
            {
                files.Add(new($"base/{project.Name}/secrets.yaml", YamlText.Of(secret)));
            }

            files.Add(new($"base/{project.Name}/deployment.yaml", YamlText.Of(ServiceDeployment.For(project))));
            files.Add(new($"base/{project.Name}/service.yaml", YamlText.Of(ServiceEndpoint.For(project))));
            files.Add(new($"base/{project.Name}/pdb.yaml", YamlText.Of(DisruptionBudget.For(project))));
            if (Autoscaler.For(project) is { } autoscaler)
            {
                files.Add(new($"base/{project.Name}/hpa.yaml", YamlText.Of(autoscaler)));
            }
        }

        files.Add(new("base/kustomization.yaml", new Kustomization
        {
            Namespace = SharedConfiguration.Namespace,
            Resources = [.. files.Select(f => f.RelativePath["base/".Length..])],
        }.ToYaml()));
        return files;
    }

    private static List<ManifestFile> DevOverlay(List<ConnectionResource> servers)
    {
        var files = new List<ManifestFile>();
        foreach (var server in servers.Select(DevServers.For))
        {
            files.Add(new($"overlays/dev/{server.Name}/secret.yaml", YamlText.Of(server.Credentials())));
            files.Add(new($"overlays/dev/{server.Name}/service.yaml", YamlText.Of(server.Service())));
            files.Add(new($"overlays/dev/{server.Name}/statefulset.yaml", YamlText.Of(server.StatefulSet())));
        }

        var kustomization = new Kustomization
        {
            Namespace = SharedConfiguration.Namespace,
            Resources = ["../../base", .. files.Select(f => f.RelativePath["overlays/dev/".Length..])],
            Patches = [new KustomizePatch("connection-strings.yaml")],
        };
        var connectionStrings = ConnectionSecrets.WithValues(servers.ToDictionary(s => s.Name, s => DevServers.For(s).ConnectionString));
        files.Add(new("overlays/dev/connection-strings.yaml", YamlText.Of(connectionStrings)));
        files.Add(new("overlays/dev/kustomization.yaml", kustomization.ToYaml()));
        return files;
    }

    /// <summary>
    /// Drops the base's placeholder Secrets (connection strings, the Api's credentials), so that applying the overlay never overwrites the one the operator
    /// created (by hand, or from a vault through a secrets operator) with the real connection strings.
    /// </summary>
    private static List<ManifestFile> ExternalOverlay(List<ProjectResource> projects)
    {
        var files = new List<ManifestFile>
        {
            new("overlays/external/connection-strings.yaml", Kustomization.DeletePatch("v1", "Secret", ConnectionSecrets.Name)),
        };
        files.AddRange(projects.Where(p => p.Secrets.Count > 0).Select(p =>
            new ManifestFile($"overlays/external/{p.Name}-secrets.yaml", Kustomization.DeletePatch("v1", "Secret", ProjectSecrets.Name(p)))));
        files.Add(new("overlays/external/kustomization.yaml", new Kustomization
        {
            Namespace = SharedConfiguration.Namespace,
            Resources = ["../../base"],
            Patches = [.. files.Select(f => new KustomizePatch(f.RelativePath["overlays/external/".Length..]))],
        }.ToYaml()));
        return files;
    }
}
