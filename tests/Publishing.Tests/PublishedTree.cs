using k8s;
using Kite.AppHost.Model;

namespace Kite.Publishing.Tests;

/// <summary>
/// The tree the built AppHost writes with <c>publish --output &lt;temp&gt;</c>, run once for all tests the way a
/// user runs it, and the tools to read it back.
/// </summary>
public sealed class PublishedTree
{
    private static readonly Lazy<PublishedTree> Shared = new(() => new PublishedTree());

    private PublishedTree()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"kite-publish-{Guid.NewGuid():N}");
        var appHost = ProjectCatalog.FromAssembly(typeof(PublishedTree).Assembly).EntryPoint("AppHost");
        var (code, output) = Tools.Run("dotnet", [appHost, "publish", "--output", Directory], RepositoryRoot);
        if (code != 0)
        {
            throw new InvalidOperationException($"publish exited {code}: {output}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, recursive: true);
    }

    public static PublishedTree Instance => Shared.Value;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string CommittedTree => Path.Combine(RepositoryRoot, "deploy", "k8s");

    public string Directory { get; }

    public IReadOnlyList<string> Files(string under = "") =>
        [.. System.IO.Directory.GetFiles(Path.Combine(Directory, under), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public string Text(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Every Kubernetes object of a folder of the tree (kustomization files aside), as the client's models.</summary>
    public IReadOnlyList<object> Objects(string under) =>
        [.. Files(under).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) && !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(f => KubernetesYaml.LoadAllFromString(Text(f)))];

    public IReadOnlyList<T> Base<T>() => [.. Objects("base").OfType<T>()];

    /// <summary>An overlay built by <c>kubectl kustomize</c>, as a cluster would receive it.</summary>
    public IReadOnlyList<object> Kustomize(string overlay)
    {
        var (code, output) = Tools.Run("kubectl", ["kustomize", Path.Combine(Directory, "overlays", overlay)], Directory);
        Assert.True(code == 0, $"kubectl kustomize overlays/{overlay} exited {code}: {output}");
        return KubernetesYaml.LoadAllFromString(output);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Suite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Suite.sln not found above the test binaries");
    }
}
