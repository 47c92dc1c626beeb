namespace Kite.AppHost.Model;

/// <summary>Something the AppHost runs or connects to, shown as one or more rows (replicas) on the dashboard.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;
    public abstract string Kind { get; }
    public virtual int Replicas => 1;

    /// <summary>Resources that must be running and healthy before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>Resources that must have run to completion (exit code 0) before this one starts.</summary>
    public List<Resource> WaitsForCompletion { get; } = [];
}
