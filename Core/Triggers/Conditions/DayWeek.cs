using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.DayWeek</c>: the date falls on this day of the week.</summary>
public sealed class DayWeek : DateCondition
{
    [Required]
    public DayOfWeek? DayOfWeek { get; set; }
}
