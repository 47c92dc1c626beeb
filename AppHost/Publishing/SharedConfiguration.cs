using k8s;
using k8s.Models;

namespace Kite.AppHost.Publishing;

/// <summary>The Namespace and the ConfigMap of settings that every Kite pod shares and none of which is secret.</summary>
public static class SharedConfiguration
{
    public const string Namespace = "kite";
    public const string ConfigMapName = "kite-config";

    public static V1Namespace NamespaceObject() => new V1Namespace
    {
        Metadata = new V1ObjectMeta { Name = Namespace, Labels = KubeLabels.For(Namespace, KubeLabels.Components.Configuration) },
    }.Initialize();

    public static V1ConfigMap ConfigMap() => new V1ConfigMap
    {
        Metadata = new V1ObjectMeta { Name = ConfigMapName, Labels = KubeLabels.For(ConfigMapName, KubeLabels.Components.Configuration) },
        Data = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            // One JSON object per line: what cluster log collectors parse; the local run keeps the simple format.
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "json",
            [StorageType.Key] = StorageType.Shared,
        },
    }.Initialize();

    public static V1EnvFromSource EnvironmentSource() => new() { ConfigMapRef = new V1ConfigMapEnvSource { Name = ConfigMapName } };
}
