namespace Kite.Bench.Load;

/// <summary>A benchmark flow as deployed: its YAML, its key, and its webhook key when it declares one.</summary>
internal sealed record FlowUnderTest(string Namespace, string Id, string Yaml, string? WebhookKey)
{
    public static FlowUnderTest Read(string path)
    {
        var yaml = File.ReadAllText(path);
        string? Top(string key) => yaml.Split('\n')
            .Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => l[(key.Length + 1)..].Trim())
            .FirstOrDefault();
        string? webhookKey = yaml.Contains("io.kestra.plugin.core.trigger.Webhook", StringComparison.Ordinal)
            ? yaml.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("key:", StringComparison.Ordinal)).Select(l => l[4..].Trim()).FirstOrDefault()
            : null;
        return new FlowUnderTest(
            Top("namespace") ?? throw new InvalidDataException($"{path} has no namespace"),
            Top("id") ?? throw new InvalidDataException($"{path} has no id"),
            yaml,
            webhookKey);
    }
}
