namespace Kite.AppHost.Model;

/// <summary>A .NET project of the suite started as one process per replica.</summary>
public sealed class ProjectResource(string name, string projectName, string entryPoint) : Resource(name)
{
    private int replicas = 1;

    public string ProjectName { get; } = projectName;

    /// <summary>The built entry assembly (<c>.dll</c>) of the project.</summary>
    public string EntryPoint { get; } = entryPoint;

    public override string Kind => RunsToCompletion ? "job" : "project";
    public override int Replicas => replicas;

    /// <summary>A step that exits when done (the migrations), rather than a service that runs until stopped.</summary>
    public bool RunsToCompletion { get; set; }

    /// <summary>The port users reach this project on; the AppHost proxies it to the replicas. Null: no public endpoint.</summary>
    public int? PublicPort { get; set; }

    public string? HealthPath { get; set; }
    public List<ConnectionResource> ConnectionReferences { get; } = [];
    public List<ProjectResource> ServiceReferences { get; } = [];
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>
    /// Variables with secret values (credentials): passed to local replicas, published as references to the project's
    /// own Secret with placeholder values, never written into a manifest.
    /// </summary>
    public Dictionary<string, string> Secrets { get; } = [];

    /// <summary>Replicas and autoscaling when published; the local run ignores it.</summary>
    public PublishOptions Publish { get; } = new();

    public void SetReplicas(int count) =>
        replicas = count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, $"{Name}: replicas must be at least 1");
}
