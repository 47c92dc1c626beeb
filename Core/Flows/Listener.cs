using Kite.Core.Tasks;

namespace Kite.Core.Flows;

/// <summary>A deprecated flow listener: tasks run after the execution when its conditions hold.</summary>
public sealed class Listener : FlowElement
{
    public string? Description { get; set; }

    public List<Triggers.Conditions.Condition>? Conditions { get; set; }

    public List<TaskDefinition>? Tasks { get; set; }
}
