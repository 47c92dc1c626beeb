using Kite.Core.Validation;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.Expression</c>: the expression renders true.</summary>
public sealed class ExpressionCondition : Condition
{
    [Required]
    public string Expression { get; set; } = "";

    public override bool OnSchedule => true;
}
