using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.Labels</c>: adds or replaces labels on the running execution.</summary>
public sealed class Labels : TaskDefinition
{
    public override TaskKind Kind => TaskKind.ExecutionUpdating;

    [Required]
    [Key("labels")]
    public List<Label> Values { get; set; } = [];
}
