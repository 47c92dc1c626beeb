using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary>
/// Deprecated <c>io.kestra.plugin.core.condition.MultipleCondition</c>, the predecessor of <c>preconditions</c>: a Flow
/// trigger fires once every named condition has been met, each by some execution, within the window, then starts over
/// (<c>resetOnSuccess</c>). <c>window</c> (default P1D) and <c>windowAdvance</c> describe a DURATION_WINDOW;
/// <c>timeWindow</c>, as Kestra 1.x reads it, takes precedence.
/// </summary>
public sealed class MultipleCondition : Condition
{
    [Required, Id(IdKind.Task)]
    public string Id { get; set; } = "";

    [Duration]
    public string? Window { get; set; }

    [Duration]
    public string? WindowAdvance { get; set; }

    public TimeWindow? TimeWindow { get; set; }

    [Required, NotEmpty]
    public Dictionary<string, Condition> Conditions { get; set; } = [];

    public bool ResetOnSuccess { get; set; } = true;
}
