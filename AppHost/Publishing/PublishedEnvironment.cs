using System.Globalization;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The environment a published container gets: the variables <see cref="Orchestration.ServiceEnvironment"/> gives a
/// local replica, under the same names, with cluster values (Service DNS names, Secret references, the pod's name).
/// Settings that are the same for every pod come from <see cref="SharedConfiguration.ConfigMap"/>.
/// </summary>
public static class PublishedEnvironment
{
    public const int HttpPort = 8080;
    private const string PodName = "POD_NAME";

    public static List<V1EnvVar> For(ProjectResource project)
    {
        var environment = new List<V1EnvVar>
        {
            new() { Name = PodName, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new() { Name = "OTEL_SERVICE_NAME", Value = project.Name },
            // Each replica is told apart in traces by its pod name, as the local run uses {name}-{index}.
            new() { Name = "OTEL_RESOURCE_ATTRIBUTES", Value = $"service.instance.id=$({PodName})" },
        };
        if (!project.RunsToCompletion)
        {
            environment.Add(new V1EnvVar { Name = "ASPNETCORE_URLS", Value = $"http://+:{HttpPort.ToString(CultureInfo.InvariantCulture)}" });
        }

        environment.AddRange(project.ConnectionReferences.Select(ConnectionSecrets.EnvironmentVariable));
        environment.AddRange(project.ServiceReferences.Select(service => new V1EnvVar
        {
            Name = $"services__{service.Name}__http__0",
            Value = $"http://{service.Name}:{HttpPort.ToString(CultureInfo.InvariantCulture)}",
        }));
        environment.AddRange(project.Environment.Select(pair => new V1EnvVar { Name = pair.Key, Value = pair.Value }));
        environment.AddRange(ProjectSecrets.EnvironmentVariables(project));
        return environment;
    }
}
