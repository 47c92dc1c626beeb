using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Kite.AppHost.Publishing;

/// <summary>A <c>kustomization.yaml</c>: the resources of one level of the tree and the patches it applies to them.</summary>
public sealed class Kustomization
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    public string ApiVersion { get; } = "kustomize.config.k8s.io/v1beta1";
    public string Kind { get; } = "Kustomization";
    public string? Namespace { get; init; }
    public List<string> Resources { get; init; } = [];
    public List<KustomizePatch> Patches { get; init; } = [];

    public string ToYaml() => YamlText.Header + Serializer.Serialize(this);

    /// <summary>A patch file that removes an object of the base (<c>$patch: delete</c>).</summary>
    public static string DeletePatch(string apiVersion, string kind, string name) => YamlText.Header + Serializer.Serialize(new Dictionary<string, object>
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new Dictionary<string, string> { ["name"] = name },
        ["$patch"] = "delete",
    });
}
