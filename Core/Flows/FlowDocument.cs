using Kite.Core.Validation;

namespace Kite.Core.Flows;

/// <summary>One YAML document read as a flow: the flow (when it could be built) and every violation found in it.</summary>
public sealed record FlowDocument(Flow? Flow, IReadOnlyList<Violation> Violations)
{
    /// <summary>True when the flow was built and nothing is wrong with it.</summary>
    public bool IsValid => Flow is not null && Violations.Count == 0;
}
