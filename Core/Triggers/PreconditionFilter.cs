using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary>A <c>where</c> entry of preconditions: executions matching its filters (all with AND, any with OR) count.</summary>
public sealed class PreconditionFilter : Flows.FlowElement
{
    [Required, Id(IdKind.Task)]
    public string Id { get; set; } = "";

    public FilterOperand? Operand { get; set; }

    [Required, NotEmpty]
    public List<FilterCondition> Filters { get; set; } = [];
}
