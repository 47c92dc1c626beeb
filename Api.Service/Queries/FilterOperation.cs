namespace Kite.Api.Queries;

/// <summary>The operations of Kestra's <c>filters[field][OPERATION]=value</c> query parameters.</summary>
public enum FilterOperation
{
    Equals,
    NotEquals,
    GreaterThan,
    LessThan,
    GreaterThanOrEqualTo,
    LessThanOrEqualTo,
    In,
    NotIn,
    StartsWith,
    EndsWith,
    Contains,
    Regex,
    Prefix,
}
