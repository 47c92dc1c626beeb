using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.Or</c>: at least one of its conditions holds.</summary>
public sealed class Or : Condition
{
    [Required, NotEmpty]
    public List<Condition> Conditions { get; set; } = [];

    public override bool OnSchedule => Conditions.All(c => c.OnSchedule);
}
