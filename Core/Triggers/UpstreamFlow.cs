using Kite.Core.Executions;
using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary>One flow a Flow trigger's preconditions wait for; without <c>flowId</c>, any flow of the namespace.</summary>
public sealed class UpstreamFlow : Flows.FlowElement
{
    [Required]
    public string Namespace { get; set; } = "";

    [Id(IdKind.Flow)]
    public string? FlowId { get; set; }

    /// <summary>Absent means SUCCESS.</summary>
    public List<State>? States { get; set; }

    public Dictionary<string, object?>? Labels { get; set; }
}
