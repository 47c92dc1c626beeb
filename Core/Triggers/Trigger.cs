using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary>A trigger as written in a flow: the properties every trigger type has.</summary>
public abstract class Trigger : FlowElement
{
    [Required, Id(IdKind.Task)]
    public string Id { get; set; } = "";

    [NotInYaml]
    public string Type { get; set; } = "";

    public string? Version { get; set; }

    public string? Description { get; set; }

    public List<Conditions.Condition>? Conditions { get; set; }

    public bool Disabled { get; set; }

    public List<Label>? Labels { get; set; }

    /// <summary>Disable the trigger once an execution it started ends in one of these states.</summary>
    public List<State>? StopAfter { get; set; }

    public LogLevel? LogLevel { get; set; }

    public bool LogToFile { get; set; }

    public bool FailOnTriggerError { get; set; }

    public WorkerGroup? WorkerGroup { get; set; }
}
