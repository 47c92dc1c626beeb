using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary>One node of a <see cref="Dag"/>: a task and the ids of the sibling tasks it waits for.</summary>
public sealed class DagTask : FlowElement
{
    [Required]
    public TaskDefinition Task { get; set; } = null!;

    public List<string>? DependsOn { get; set; }
}
