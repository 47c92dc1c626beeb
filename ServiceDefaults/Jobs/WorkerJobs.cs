using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Values;
using Kite.Data.Records;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;
using State = Kite.Core.Executions.State;

namespace Kite.ServiceDefaults.Jobs;

/// <summary>
/// What every runner of a <see cref="WorkerJob"/> (the worker, Purge.Service) does the same way: render against the
/// job's variables, file log lines under its task run, and report on it.
/// </summary>
public static class WorkerJobs
{
    /// <summary>
    /// Runs a job as the executor expects it run: RUNNING first, then the end state with the outputs, reported only
    /// once the run's log lines are in the database. The caller acks the message after this returns.
    /// </summary>
    public static async Task RunReportedAsync(
        this ConsumeContext<WorkerJob> context,
        Func<CancellationToken, Task> flush,
        ILogger logger,
        Func<WorkerJob, CancellationToken, Task<(State State, string? Outputs)>> run)
    {
        var job = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = job.ExecutionId, ["TaskRunId"] = job.TaskRunId });
        // A result whose confirmation never comes fails the job past the deadline, and its redelivery runs it again.
        await BusDeadline.WithinAsync(token => context.Publish(job.Result("RUNNING"), token), context.CancellationToken);
        var (state, outputs) = await run(job, context.CancellationToken);
        await flush(context.CancellationToken);
        await BusDeadline.WithinAsync(token => context.Publish(job.Result(state.ToKestraName(), outputs), token), context.CancellationToken);
    }

    public static RenderContext RenderContext(this WorkerJob job, IFileStore? files = null, IKvStore? kv = null) =>
        new(PlainJson.Parse(job.Variables) as Dictionary<string, object?> ?? []) { Namespace = job.Namespace, Files = files, Kv = kv };

    public static LogRecord LogLine(this WorkerJob job, DateTimeOffset timestamp, string level, string message) => new()
    {
        Namespace = job.Namespace,
        FlowId = job.FlowId,
        ExecutionId = job.ExecutionId,
        TaskRunId = job.TaskRunId,
        TaskId = job.TaskId,
        Attempt = job.Attempt,
        Timestamp = timestamp,
        Level = level,
        Message = message,
    };

    public static WorkerTaskResult Result(this WorkerJob job, string state, string? outputs = null) =>
        new(job.ExecutionId, job.TaskRunId, job.Attempt, state, outputs);
}
