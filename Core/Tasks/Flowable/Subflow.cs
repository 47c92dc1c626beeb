using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.Flowable;

/// <summary><c>io.kestra.plugin.core.flow.Subflow</c>: starts an execution of another flow, and by default waits for it.</summary>
public sealed class Subflow : TaskDefinition
{
    public override TaskKind Kind => TaskKind.Executable;

    [Required]
    public string Namespace { get; set; } = "";

    [Required]
    public string FlowId { get; set; } = "";

    public int? Revision { get; set; }

    public Dictionary<string, object?>? Inputs { get; set; }

    public List<Label>? Labels { get; set; }

    public bool InheritLabels { get; set; }

    public bool Wait { get; set; } = true;

    public bool TransmitFailed { get; set; } = true;

    public string? ScheduleDate { get; set; }

    public SubflowRestartBehavior? RestartBehavior { get; set; }
}
