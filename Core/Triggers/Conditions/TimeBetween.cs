namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.TimeBetween</c>: the time of day is between <c>after</c> and <c>before</c>.</summary>
public sealed class TimeBetween : DateCondition
{
    /// <summary>An ISO-8601 time, with or without offset (Kestra reads an OffsetTime).</summary>
    public string? After { get; set; }

    public string? Before { get; set; }
}
