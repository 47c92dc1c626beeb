using Kite.Core.Validation;

namespace Kite.Core.Tasks.KeyValue;

/// <summary><c>io.kestra.plugin.core.kv.Delete</c>: deletes a key; outputs whether it existed.</summary>
public sealed class KvDelete : RunnableTask
{
    [Required]
    public string Key { get; set; } = "";

    public string? Namespace { get; set; }

    public bool ErrorOnMissing { get; set; }
}
