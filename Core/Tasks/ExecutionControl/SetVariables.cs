using Kite.Core.Validation;

namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.SetVariables</c>: sets execution variables, read as <c>vars.*</c>.</summary>
public sealed class SetVariables : TaskDefinition
{
    public override TaskKind Kind => TaskKind.ExecutionUpdating;

    [Required]
    public Dictionary<string, object?> Variables { get; set; } = [];

    public bool Overwrite { get; set; } = true;
}
