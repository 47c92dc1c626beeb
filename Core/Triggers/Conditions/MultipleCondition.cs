using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary>Deprecated <c>io.kestra.plugin.core.condition.MultipleCondition</c>: every named condition met within a window (now <c>preconditions</c>).</summary>
public sealed class MultipleCondition : Condition
{
    [Required, Id(IdKind.Task)]
    public string Id { get; set; } = "";

    [Duration]
    public string? Window { get; set; }

    [Duration]
    public string? WindowAdvance { get; set; }

    [Required, NotEmpty]
    public Dictionary<string, Condition> Conditions { get; set; } = [];

    public bool ResetOnSuccess { get; set; } = true;
}
