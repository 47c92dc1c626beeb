namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.DateTimeBetween</c>: the date is after <c>after</c> and before <c>before</c> (either may be absent).</summary>
public sealed class DateTimeBetween : DateCondition
{
    public DateTimeOffset? After { get; set; }

    public DateTimeOffset? Before { get; set; }
}
