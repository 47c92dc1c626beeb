using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.DayWeekInMonth</c>: the date is, say, the first Monday of its month.</summary>
public sealed class DayWeekInMonth : DateCondition
{
    [Required]
    public DayOfWeek? DayOfWeek { get; set; }

    [Required]
    public DayInMonth? DayInMonth { get; set; }
}
