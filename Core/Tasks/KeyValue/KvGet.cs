using Kite.Core.Validation;

namespace Kite.Core.Tasks.KeyValue;

/// <summary><c>io.kestra.plugin.core.kv.Get</c>: reads a key into the output <c>value</c>.</summary>
public sealed class KvGet : RunnableTask
{
    [Required]
    public string Key { get; set; } = "";

    public string? Namespace { get; set; }

    public bool ErrorOnMissing { get; set; }
}
