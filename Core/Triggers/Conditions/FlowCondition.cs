using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary>Deprecated <c>io.kestra.plugin.core.condition.Flow</c>: the triggering execution is of this flow (use ExecutionFlow).</summary>
public sealed class FlowCondition : Condition
{
    [Required]
    public string Namespace { get; set; } = "";

    [Required]
    public string FlowId { get; set; } = "";
}
