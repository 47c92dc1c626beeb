using Kite.Core.Flows;

namespace Kite.Core.Inputs;

/// <summary>Shows an input only when other inputs are set and the condition holds.</summary>
public sealed class InputDependsOn : FlowElement
{
    public List<string>? Inputs { get; set; }

    public string? Condition { get; set; }
}
