using Kite.Core.Executions;

namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.HasRetryAttempt</c>: a task run of the execution was retried, with these states.</summary>
public sealed class HasRetryAttempt : Condition
{
    public List<State>? In { get; set; }

    public List<State>? NotIn { get; set; }
}
