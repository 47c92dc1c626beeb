using Kite.Core.Flows;
using Kite.Core.Flows.Retries;
using Kite.Core.Validation;

namespace Kite.Core.Tasks;

/// <summary>A task as written in a flow: the properties every task type has. Each type adds its own.</summary>
public abstract class TaskDefinition : FlowElement
{
    [Required, Id(IdKind.Task)]
    public string Id { get; set; } = "";

    /// <summary>The type name as written (full name or legacy alias).</summary>
    [NotInYaml]
    public string Type { get; set; } = "";

    public string? Version { get; set; }

    public string? Description { get; set; }

    public Retry? Retry { get; set; }

    [Duration]
    public string? Timeout { get; set; }

    public bool Disabled { get; set; }

    public WorkerGroup? WorkerGroup { get; set; }

    public LogLevel? LogLevel { get; set; }

    public bool AllowFailure { get; set; }

    public bool AllowWarning { get; set; }

    public bool LogToFile { get; set; }

    /// <summary>An expression; the task is SKIPPED when it renders false. Absent means "true".</summary>
    public string? RunIf { get; set; }

    public TaskCache? TaskCache { get; set; }

    [NotInYaml]
    public abstract TaskKind Kind { get; }
}
