using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.Not</c>: none of its conditions holds.</summary>
public sealed class Not : Condition
{
    [Required, NotEmpty]
    public List<Condition> Conditions { get; set; } = [];

    public override bool OnSchedule => Conditions.All(c => c.OnSchedule);
}
