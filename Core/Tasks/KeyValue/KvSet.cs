using Kite.Core.Validation;

namespace Kite.Core.Tasks.KeyValue;

/// <summary><c>io.kestra.plugin.core.kv.Set</c>: stores a value under a key of a namespace's KV store.</summary>
public sealed class KvSet : RunnableTask
{
    [Required]
    public string Key { get; set; } = "";

    [Required]
    public object? Value { get; set; }

    /// <summary>Absent means the flow's namespace.</summary>
    public string? Namespace { get; set; }

    public bool Overwrite { get; set; } = true;

    [Duration]
    public string? Ttl { get; set; }

    public string? KvType { get; set; }

    public string? KvDescription { get; set; }
}
