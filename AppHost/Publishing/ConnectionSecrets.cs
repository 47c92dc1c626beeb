using k8s;
using k8s.Models;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The Secret that holds every server's connection string, one key per server (<c>postgres</c>, <c>rabbitmq</c>).
/// A pod reads only the keys its project references, so no service sees a connection it was not given.
/// </summary>
public static class ConnectionSecrets
{
    public const string Name = "kite-connection-strings";

    /// <summary>The base Secret: the shape, with placeholders an overlay or the operator replaces.</summary>
    public static V1Secret Placeholders(IEnumerable<ConnectionResource> servers) =>
        WithValues(servers.ToDictionary(server => server.Name, server => $"REPLACE-ME: the {server.Kind} connection string for ConnectionStrings__{server.Name}"));

    public static V1Secret WithValues(IDictionary<string, string> connectionStrings) => new V1Secret
    {
        Metadata = new V1ObjectMeta { Name = Name, Labels = KubeLabels.For(Name, KubeLabels.Components.Configuration) },
        Type = "Opaque",
        StringData = connectionStrings,
    }.Initialize();

    public static V1EnvVar EnvironmentVariable(ConnectionResource server) => new()
    {
        Name = $"ConnectionStrings__{server.Name}",
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = Name, Key = server.Name } },
    };
}
