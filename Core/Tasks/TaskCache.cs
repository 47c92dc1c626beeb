using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tasks;

/// <summary>Reuse of a task's outputs for a while (<c>taskCache</c>).</summary>
public sealed class TaskCache : FlowElement
{
    [Required]
    public bool Enabled { get; set; }

    [Duration]
    public string? Ttl { get; set; }
}
