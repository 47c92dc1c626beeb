namespace Kite.Purge.Retention;

/// <summary>A namespace's own ages (and its children's); a namespace listed here is left out of the default policy.</summary>
public sealed class NamespaceRetention
{
    public TimeSpan? Executions { get; set; }

    public TimeSpan? Logs { get; set; }
}
