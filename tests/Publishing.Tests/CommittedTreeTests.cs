using k8s;

namespace Kite.Publishing.Tests;

public sealed class CommittedTreeTests
{
    private readonly PublishedTree tree = PublishedTree.Instance;

    [Fact]
    public void The_committed_deploy_tree_is_exactly_what_publish_writes_today()
    {
        var committed = Directory.GetFiles(PublishedTree.CommittedTree, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(PublishedTree.CommittedTree, f).Replace('\\', '/'))
            .Where(f => f is not "README.md")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(tree.Files(), committed);
        foreach (var file in committed)
        {
            var expected = tree.Text(file);
            var actual = File.ReadAllText(Path.Combine(PublishedTree.CommittedTree, file));
            Assert.True(expected == actual, $"deploy/k8s/{file} differs from a fresh publish: run `dotnet run --project AppHost -- publish --output deploy/k8s` and commit");
        }
    }

    [Fact]
    public void Every_generated_yaml_file_parses_into_kubernetes_client_models()
    {
        var manifests = tree.Files().Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) && !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)
            && !f.StartsWith("overlays/external/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(manifests);
        foreach (var file in manifests)
        {
            var objects = KubernetesYaml.LoadAllFromString(tree.Text(file));
            Assert.NotEmpty(objects);
            Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject>(o));
        }
    }

    [Fact]
    public void Every_file_a_kustomization_lists_exists_and_every_base_manifest_is_listed()
    {
        foreach (var kustomization in tree.Files().Where(f => f.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            var folder = Path.GetDirectoryName(Path.Combine(tree.Directory, kustomization))!;
            var listed = tree.Text(kustomization).Split('\n')
                .Where(line => line.StartsWith("- ", StringComparison.Ordinal))
                .Select(line => line[2..].Replace("path: ", "", StringComparison.Ordinal).Trim());
            Assert.All(listed, entry => Assert.True(File.Exists(Path.Combine(folder, entry)) || Directory.Exists(Path.Combine(folder, entry)), $"{kustomization} lists missing {entry}"));
        }

        var baseListing = tree.Text("base/kustomization.yaml");
        Assert.All(tree.Files("base").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)),
            file => Assert.Contains($"- {file["base/".Length..]}\n", baseListing, StringComparison.Ordinal));
    }
}
