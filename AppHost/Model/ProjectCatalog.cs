namespace Kite.AppHost.Model;

/// <summary>
/// Where each referenced project's entry assembly was built, read from the <c>kite-projects.txt</c> that the build
/// writes next to the AppHost (see Directory.Build.targets).
/// </summary>
public sealed class ProjectCatalog(IReadOnlyDictionary<string, string> entryPoints)
{
    public const string FileName = "kite-projects.txt";

    public static ProjectCatalog Load(string directory)
    {
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{file} is missing: build the AppHost (`dotnet build AppHost`) so it knows where the services are.");
        }

        return new ProjectCatalog(File.ReadAllLines(file)
            .Select(line => line.Split('|'))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => Path.GetFileNameWithoutExtension(parts[0]), parts => parts[1], StringComparer.OrdinalIgnoreCase));
    }

    public string EntryPoint(string projectName) =>
        entryPoints.TryGetValue(projectName, out var path)
            ? path
            : throw new InvalidOperationException($"Project '{projectName}' is not referenced by the AppHost (known: {string.Join(", ", entryPoints.Keys)}).");
}
