using Kite.Core.Validation;

namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.Exit</c>: ends the execution now, in <see cref="State"/>.</summary>
public sealed class Exit : TaskDefinition
{
    public override TaskKind Kind => TaskKind.ExecutionUpdating;

    [Required]
    public ExitState State { get; set; } = ExitState.Success;
}
