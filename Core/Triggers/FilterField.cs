namespace Kite.Core.Triggers;

/// <summary>
/// What a preconditions filter looks at: EXPRESSION renders its value against the trigger's variables, LABEL reads
/// the label named by the value's key (<c>key:value</c>, or just <c>key</c>) as <c>key:value</c>.
/// </summary>
public enum FilterField
{
    FlowId,
    Namespace,
    State,
    Expression,
    Label,
}
