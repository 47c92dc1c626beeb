using Kite.Core.Flows;

namespace Kite.Core.Triggers.Conditions;

/// <summary>A trigger condition as written in a flow (<c>conditions[]</c>): the trigger fires only when every one holds.</summary>
public abstract class Condition : FlowElement
{
    /// <summary>The type name as written (full name or legacy alias).</summary>
    [Validation.NotInYaml]
    public string Type { get; set; } = "";

    /// <summary>Whether a Schedule trigger may use it: Kestra's ScheduleCondition (conditions on the trigger date).</summary>
    [Validation.NotInYaml]
    public virtual bool OnSchedule => false;
}
