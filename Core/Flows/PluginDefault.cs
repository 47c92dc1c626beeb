using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>Default property values for every task or trigger of a type (or type prefix).</summary>
public sealed class PluginDefault : FlowElement
{
    [Required]
    public string Type { get; set; } = "";

    public bool Forced { get; set; }

    public Dictionary<string, object?>? Values { get; set; }
}
