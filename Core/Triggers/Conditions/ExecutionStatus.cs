using Kite.Core.Executions;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.ExecutionStatus</c>: the triggering execution's state is in <c>in</c> and not in <c>notIn</c>.</summary>
public sealed class ExecutionStatus : Condition
{
    public List<State>? In { get; set; }

    public List<State>? NotIn { get; set; }
}
