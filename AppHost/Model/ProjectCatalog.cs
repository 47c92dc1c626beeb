using System.Reflection;

namespace Kite.AppHost.Model;

/// <summary>
/// Where each referenced project's entry assembly was built, read from the <c>kite-project:*</c> assembly metadata
/// the build compiles into the referencing assembly (see Directory.Build.targets).
/// </summary>
public sealed class ProjectCatalog(IReadOnlyDictionary<string, string> entryPoints)
{
    public const string MetadataPrefix = "kite-project:";

    public static ProjectCatalog FromAssembly(Assembly assembly) =>
        new(assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal) && a.Value is not null)
            .ToDictionary(a => a.Key[MetadataPrefix.Length..], a => a.Value!, StringComparer.OrdinalIgnoreCase));

    public string EntryPoint(string projectName) =>
        entryPoints.TryGetValue(projectName, out var path)
            ? path
            : throw new InvalidOperationException($"Project '{projectName}' is not referenced by the AppHost (known: {string.Join(", ", entryPoints.Keys)}).");
}
