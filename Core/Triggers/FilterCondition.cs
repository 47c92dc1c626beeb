using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary>One filter of a preconditions <c>where</c>: a field of the execution compared to a value.</summary>
public sealed class FilterCondition : Flows.FlowElement
{
    [Required]
    public FilterField? Field { get; set; }

    [Required]
    public FilterType? Type { get; set; }

    public string? Value { get; set; }

    /// <summary>What IN and NOT_IN compare against.</summary>
    public List<string>? Values { get; set; }
}
