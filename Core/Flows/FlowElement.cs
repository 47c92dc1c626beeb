using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>Anything read from a flow's YAML that remembers where it was written.</summary>
public abstract class FlowElement
{
    [NotInYaml]
    public SourceLocation Location { get; set; }
}
