using Kite.Core.Executions;
using Kite.Core.Validation;

namespace Kite.Core.Tasks.ExecutionControl;

/// <summary><c>io.kestra.plugin.core.execution.PurgeExecutions</c>: deletes ended executions and what they left, in batches.</summary>
public sealed class PurgeExecutions : RunnableTask, IPurgeTask
{
    public string? Namespace { get; set; }

    public string? FlowId { get; set; }

    public string? StartDate { get; set; }

    [Required]
    public string EndDate { get; set; } = "";

    public List<State>? States { get; set; }

    public bool PurgeExecution { get; set; } = true;

    public bool PurgeLog { get; set; } = true;

    public bool PurgeMetric { get; set; } = true;

    public bool PurgeStorage { get; set; } = true;

    public int BatchSize { get; set; } = 100;
}
