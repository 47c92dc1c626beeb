using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The image a project is published as: <c>kite/{project name without .Service, lower case}:{tag}</c>. The same rule
/// sets <c>ContainerRepository</c> and <c>ContainerImageTag</c> in Directory.Build.targets, so
/// <c>dotnet publish -t:PublishContainer</c> builds exactly the images the manifests name.
/// </summary>
public static class ContainerImages
{
    public const string Repository = "kite";
    public const string Tag = "0.1.0";

    public static string For(ProjectResource project) => $"{Repository}/{ShortName(project.ProjectName)}:{Tag}";

    private static string ShortName(string projectName) =>
#pragma warning disable CA1308 // image names must be lower case
        projectName.Replace(".Service", "", StringComparison.Ordinal).ToLowerInvariant();
#pragma warning restore CA1308
}
