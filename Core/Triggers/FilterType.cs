namespace Kite.Core.Triggers;

/// <summary>How a preconditions filter compares its field to its <c>value</c> (or, for IN and NOT_IN, its <c>values</c>).</summary>
public enum FilterType
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    IsTrue,
    IsFalse,
    IsNull,
    IsNotNull,
    StartsWith,
    EndsWith,
    Regex,
    Contains,
}
