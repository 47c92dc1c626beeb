using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Secrets;
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
    /// How long a task runs before the worker reports it RUNNING. Most tasks (Log, OutputValues, Return, kv) end well
    /// within it, and then only their end is reported, with the time they started: one message and one executor step
    /// per task run instead of two, and the task run's history still shows RUNNING at that time.
    /// </summary>
    public static readonly TimeSpan RunningAfter = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs a job as the executor expects it run: RUNNING if it lasts past <see cref="RunningAfter"/>, then the end
    /// state with the outputs, reported only once the run's log lines are in the database. The caller acks the message
    /// after this returns.
    /// </summary>
    public static async Task RunReportedAsync(
        this ConsumeContext<WorkerJob> context,
        Func<CancellationToken, Task> flush,
        ILogger logger,
        Func<WorkerJob, CancellationToken, Task<(State State, string? Outputs)>> run)
    {
        var job = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = job.ExecutionId, ["TaskRunId"] = job.TaskRunId });
        var started = DateTimeOffset.UtcNow;
        var running = run(job, context.CancellationToken);
        if (await Task.WhenAny(running, Task.Delay(RunningAfter, context.CancellationToken)) != running)
        {
            // A result whose confirmation never comes fails the job past the deadline, and its redelivery runs it again.
            await BusDeadline.WithinAsync(token => context.Publish(job.Result("RUNNING"), token), context.CancellationToken);
        }

        var (state, outputs) = await running;
        await flush(context.CancellationToken);
        await BusDeadline.WithinAsync(token => context.Publish(job.Result(state.ToKestraName(), outputs, started), token), context.CancellationToken);
    }

    /// <param name="mask">Given with <paramref name="cipher"/>: the SECRET inputs are decrypted into it; throws <see cref="ExpressionException"/> naming one that cannot be.</param>
    public static RenderContext RenderContext(
        this WorkerJob job, IFileStore? files = null, IKvStore? kv = null, ISecretStore? secrets = null, SecretCipher? cipher = null, SecretMask? mask = null)
    {
        IReadOnlyDictionary<string, object?> variables = PlainJson.Parse(job.Variables) as Dictionary<string, object?> ?? [];
        return new(mask is null ? variables : RevealedInputs.Of(variables, cipher, mask)) { Namespace = job.Namespace, Files = files, Kv = kv, Secrets = secrets };
    }

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

    public static WorkerTaskResult Result(this WorkerJob job, string state, string? outputs = null, DateTimeOffset? started = null) =>
        new(job.ExecutionId, job.TaskRunId, job.Attempt, state, outputs, started);
}
