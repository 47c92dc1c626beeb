using System.Globalization;
using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Tasks.ExecutionControl;
using Kite.Core.Tasks.Logs;
using Kite.Data.Purges;

namespace Kite.Purge.Jobs;

/// <summary>A purge task's properties rendered against its task run's variables, as the request a purger runs.</summary>
public static class PurgeTaskRequests
{
    public static ExecutionPurgeRequest From(PurgeExecutions task, RenderContext render) => new()
    {
        Namespace = Text(task.Namespace, render),
        FlowId = Text(task.FlowId, render),
        StartDate = Date(task.StartDate, "startDate", render),
        EndDate = Date(task.EndDate, "endDate", render) ?? throw new TaskFailedException("endDate is required"),
        States = task.States?.Select(s => s.ToKestraName()).ToList(),
        PurgeExecution = task.PurgeExecution,
        PurgeLog = task.PurgeLog,
        PurgeMetric = task.PurgeMetric,
        PurgeStorage = task.PurgeStorage,
        BatchSize = task.BatchSize,
    };

    public static LogPurgeRequest From(PurgeLogs task, RenderContext render) => new()
    {
        Namespace = Text(task.Namespace, render),
        FlowId = Text(task.FlowId, render),
        ExecutionId = Text(task.ExecutionId, render),
        LogLevels = task.LogLevels?.Select(l => l.ToString().ToUpperInvariant()).ToList(),
        StartDate = Date(task.StartDate, "startDate", render),
        EndDate = Date(task.EndDate, "endDate", render) ?? throw new TaskFailedException("endDate is required"),
        PurgeExecutionLogs = task.PurgeExecutionLogs,
        PurgeNonExecutionLogs = task.PurgeNonExecutionLogs,
        BatchSize = task.BatchSize ?? LogPurgeRequest.DefaultBatchSize,
    };

    private static string? Text(string? template, RenderContext render) =>
        string.IsNullOrWhiteSpace(template) ? null : TemplateEngine.Render(template, render).Trim() is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Date(string? template, string property, RenderContext render) =>
        Text(template, render) is not { } text
            ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : throw new TaskFailedException($"{property} '{text}' is not an ISO 8601 date");
}
