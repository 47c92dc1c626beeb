using Kite.Core.Expressions;
using Kite.Core.Values;
using Kite.Data.Records;
using Kite.Messaging.Contracts;

namespace Kite.ServiceDefaults.Jobs;

/// <summary>
/// What every runner of a <see cref="WorkerJob"/> (the worker, Purge.Service) does the same way: render against the
/// job's variables, file log lines under its task run, and report on it.
/// </summary>
public static class WorkerJobs
{
    public static RenderContext RenderContext(this WorkerJob job) =>
        new(PlainJson.Parse(job.Variables) as Dictionary<string, object?> ?? []) { Namespace = job.Namespace };

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
