using Kite.Core.Validation;

namespace Kite.Core.Tasks.Logs;

/// <summary><c>io.kestra.plugin.core.log.PurgeLogs</c>: deletes logs older than <see cref="EndDate"/> in one bulk delete.</summary>
public sealed class PurgeLogs : RunnableTask, IPurgeTask
{
    public string? Namespace { get; set; }

    public string? FlowId { get; set; }

    public string? ExecutionId { get; set; }

    public List<LogLevel>? LogLevels { get; set; }

    public string? StartDate { get; set; }

    [Required]
    public string EndDate { get; set; } = "";

    public bool PurgeExecutionLogs { get; set; } = true;

    public bool PurgeNonExecutionLogs { get; set; } = true;

    public int? BatchSize { get; set; }
}
