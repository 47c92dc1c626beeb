using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Tasks.ExecutionControl;
using Kite.Core.Tasks.Logs;
using Kite.Core.Values;
using Kite.Data.Flows;
using Kite.Data.Logs;
using Kite.Data.Purges;
using Kite.Data.Records;
using Kite.Messaging.Contracts;
using Kite.Purge.Pacing;
using Kite.ServiceDefaults.Jobs;
using MassTransit;
using State = Kite.Core.Executions.State;

namespace Kite.Purge.Jobs;

/// <summary>
/// Runs a PurgeExecutions or PurgeLogs task run the executor sent to the purge queue, reporting on it exactly as a
/// worker does: RUNNING, then the end state with the outputs. The job is acked only after its result is published;
/// a redelivered job resumes the same purge row (<c>{taskRunId}-{attempt}</c>), so its counts stay exact.
/// </summary>
public sealed class PurgeJobConsumer(
    FlowCache flows,
    ExecutionPurger executions,
    LogPurger logs,
    PurgePacers pacers,
    LogWriter taskLogs,
    TimeProvider clock,
    ILogger<PurgeJobConsumer> logger) : IConsumer<WorkerJob>
{
    public Task Consume(ConsumeContext<WorkerJob> context) => context.RunReportedAsync(taskLogs.FlushAsync, logger, RunAsync);

    private async Task<(State State, string? Outputs)> RunAsync(WorkerJob job, CancellationToken cancellationToken)
    {
        var flow = await flows.GetAsync(job.Namespace, job.FlowId, job.FlowRevision, cancellationToken);
        var purgeId = $"{job.TaskRunId}-{job.Attempt}";
        try
        {
            var run = flow?.FindTask(job.TaskId) switch
            {
                PurgeExecutions task => await executions.RunAsync(purgeId, Valid(PurgeTaskRequests.From(task, job.RenderContext()), r => r.Violations()),
                    pacers.For(purgeId, PurgePriority.Requested), cancellationToken),
                PurgeLogs task => await logs.RunAsync(purgeId, Valid(PurgeTaskRequests.From(task, job.RenderContext()), r => r.Violations()),
                    pacers.For(purgeId, PurgePriority.Requested), cancellationToken),
                null => throw new TaskFailedException($"task {job.TaskId} was not found in {job.Namespace}.{job.FlowId} revision {job.FlowRevision}"),
                var other => throw new TaskFailedException($"{other.Type} is not a purge task"),
            };
            if (run.Error is { } error)
            {
                throw new TaskFailedException($"the purge failed: {error}");
            }

            await LogAsync(job, "INFO", Summary(run));
            return (State.Success, PlainJson.Write(Outputs(run)));
        }
        catch (Exception ex) when (ex is TaskFailedException or ExpressionException)
        {
            await LogAsync(job, "ERROR", $"{job.TaskId} failed: {ex.Message}");
            return (State.Failed, null);
        }
    }

    private static T Valid<T>(T request, Func<T, IReadOnlyList<string>> violations) =>
        violations(request) is { Count: > 0 } wrong ? throw new TaskFailedException(string.Join("; ", wrong)) : request;

    private static Dictionary<string, object?> Outputs(PurgeRecord run) => run.Kind == LogPurger.Kind
        ? new() { ["count"] = run.LogsCount }
        : new()
        {
            ["executionsCount"] = run.ExecutionsCount,
            ["logsCount"] = run.LogsCount,
            ["metricsCount"] = run.MetricsCount,
            ["storagesCount"] = run.StoragesCount,
        };

    private static string Summary(PurgeRecord run) => run.Kind == LogPurger.Kind
        ? $"Purged {run.LogsCount} log line(s) in {run.Batches} batch(es)"
        : $"Purged {run.ExecutionsCount} execution(s), {run.LogsCount} log line(s), {run.MetricsCount} metric(s) and {run.StoragesCount} file(s) in {run.Batches} batch(es)";

    private ValueTask LogAsync(WorkerJob job, string level, string message) =>
        taskLogs.WriteAsync(job.LogLine(clock.GetUtcNow(), level, message), CancellationToken.None);
}
