using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.ExecutionOutputs</c>: an expression over the triggering execution's outputs holds.</summary>
public sealed class ExecutionOutputs : Condition
{
    [Required]
    public string Expression { get; set; } = "";
}
