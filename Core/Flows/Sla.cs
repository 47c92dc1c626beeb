using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>A service-level rule on the flow's executions (maximum duration or an assertion).</summary>
public sealed class Sla : FlowElement
{
    [Required, Id(IdKind.Task)]
    public string Id { get; set; } = "";

    [Required]
    public SlaType Type { get; set; }

    [Duration]
    public string? Duration { get; set; }

    public string? Assert { get; set; }

    [Required]
    public SlaBehavior Behavior { get; set; }

    public List<Label>? Labels { get; set; }
}
