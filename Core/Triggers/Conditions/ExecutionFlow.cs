using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.ExecutionFlow</c>: the triggering execution is of this flow.</summary>
public sealed class ExecutionFlow : Condition
{
    [Required, Id(IdKind.Namespace)]
    public string Namespace { get; set; } = "";

    [Required, Id(IdKind.Flow)]
    public string FlowId { get; set; } = "";
}
