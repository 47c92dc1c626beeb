using System.Globalization;
using Kite.AppHost.Model;

namespace Kite.AppHost.Orchestration;

/// <summary>
/// The environment a project replica gets, with the names Aspire uses, so a service cannot tell whether our
/// AppHost, Aspire or a Kubernetes manifest started it.
/// </summary>
public static class ServiceEnvironment
{
    /// <summary>The AppHost's own settings that must not leak into a child.</summary>
    private static readonly string[] NotInherited =
        ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "HTTP_PORTS", "DOTNET_LAUNCH_PROFILE", "Kite__DataDirectory", "Kite__DashboardPort", "Kite__ApiPort"];

    public static Dictionary<string, string?> For(ProjectResource project, int replica, int port, string environmentName, string? otlpEndpoint)
    {
        var environment = NotInherited.ToDictionary(name => name, _ => (string?)null);
        environment["DOTNET_ENVIRONMENT"] = environmentName;
        environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        environment["OTEL_SERVICE_NAME"] = project.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{replica}";
        environment["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
        environment["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
        environment["LOGGING__CONSOLE__FORMATTEROPTIONS__SINGLELINE"] = "true";
        environment["LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT"] = "HH:mm:ss.fff ";
        environment["LOGGING__CONSOLE__FORMATTEROPTIONS__COLORBEHAVIOR"] = "Disabled";
        if (!project.RunsToCompletion)
        {
            environment["ASPNETCORE_URLS"] = $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}";
        }

        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        foreach (var connection in project.ConnectionReferences)
        {
            environment[$"ConnectionStrings__{connection.Name}"] = connection.ConnectionString
                ?? throw new InvalidOperationException($"{project.Name} starts before {connection.Name} has a connection string.");
        }

        foreach (var service in project.ServiceReferences.Where(s => s.PublicPort is not null))
        {
            environment[$"services__{service.Name}__http__0"] = $"http://localhost:{service.PublicPort!.Value.ToString(CultureInfo.InvariantCulture)}";
        }

        foreach (var (name, value) in project.Environment.Concat(project.Secrets))
        {
            environment[name] = value;
        }

        return environment;
    }
}
