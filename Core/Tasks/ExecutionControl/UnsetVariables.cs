using Kite.Core.Validation;

namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.UnsetVariables</c>: removes execution variables.</summary>
public sealed class UnsetVariables : TaskDefinition
{
    public override TaskKind Kind => TaskKind.ExecutionUpdating;

    [Required]
    public List<string> Variables { get; set; } = [];

    public bool IgnoreMissing { get; set; }
}
