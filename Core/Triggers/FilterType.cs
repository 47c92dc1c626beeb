namespace Kite.Core.Triggers;

/// <summary>How a preconditions filter compares its field to its value.</summary>
public enum FilterType
{
    EqualTo,
    NotEqualTo,
    IsNull,
    IsNotNull,
    IsTrue,
    IsFalse,
    StartsWith,
    EndsWith,
    Regex,
    Contains,
    IsIn,
    IsNotIn,
}
