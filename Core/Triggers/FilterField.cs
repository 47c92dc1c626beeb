namespace Kite.Core.Triggers;

/// <summary>What a preconditions filter looks at; EXPRESSION renders its value against the execution.</summary>
public enum FilterField
{
    FlowId,
    Namespace,
    State,
    Expression,
}
