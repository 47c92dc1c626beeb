using Kite.Core.Inputs;
using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>A flow output: rendered at the end of the execution into <c>execution.outputs</c>, then type-checked.</summary>
public sealed class FlowOutput : FlowElement
{
    [Required, Id(IdKind.Input)]
    public string Id { get; set; } = "";

    [Required]
    public InputType Type { get; set; }

    [Required]
    public object? Value { get; set; }

    public string? Description { get; set; }

    public string? DisplayName { get; set; }

    public bool Required { get; set; } = true;
}
