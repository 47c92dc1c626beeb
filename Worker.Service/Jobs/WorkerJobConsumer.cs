using Kite.Core.Executions;
using Kite.Core.Expressions;
using Kite.Core.Time;
using Kite.Core.Values;
using Kite.Data.Flows;
using Kite.Data.KeyValue;
using Kite.Data.Logs;
using Kite.Data.Metrics;
using Kite.Data.Storage;
using Kite.Messaging.Contracts;
using Kite.ServiceDefaults.Jobs;
using Kite.ServiceDefaults.Secrets;
using Kite.Worker.Runners;
using MassTransit;
using Microsoft.Extensions.Options;
using State = Kite.Core.Executions.State;

namespace Kite.Worker.Jobs;

/// <summary>
/// Runs one task run: reports RUNNING, runs the task (bounded by its <c>timeout</c>), reports the result. The job is
/// acked only after the result is published; if the worker stops mid-task the job is not acked and runs again elsewhere.
/// </summary>
public sealed class WorkerJobConsumer(
    FlowCache flows,
    TaskRunners runners,
    LogWriter logs,
    MetricWriter metrics,
    IInternalStorage storage,
    KeyValueStore kv,
    KilledExecutions killed,
    ISecretStore secrets,
    InputEncryption encryption,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<WorkerJobConsumer> logger) : IConsumer<WorkerJob>
{
    public Task Consume(ConsumeContext<WorkerJob> context) =>
        context.RunReportedAsync(stopping => Task.WhenAll(logs.FlushAsync(stopping), metrics.FlushAsync(stopping)), logger, RunAsync);

    private async Task<(State State, string? Outputs)> RunAsync(WorkerJob job, CancellationToken stopping)
    {
        var flow = await flows.GetAsync(job.Namespace, job.FlowId, job.FlowRevision, stopping);
        var task = flow?.FindTask(job.TaskId);
        var runner = task is null ? null : runners.For(task.GetType());
        // Every secret the task run reads is masked in its log lines and its outputs.
        var mask = new SecretMask();
        RenderContext render;
        string? unreadable = null;
        try
        {
            render = job.RenderContext(new StorageFileStore(storage), new KeyValueFunctionStore(kv), new MaskingSecretStore(secrets, mask), encryption.Cipher, mask);
        }
        catch (ExpressionException e)
        {
            (render, unreadable) = (job.RenderContext(), e.Message);
        }

        var context = new TaskRunContext(job, flow!, render, logs, metrics, storage, clock, mask);
        if (task is null || runner is null || unreadable is not null)
        {
            var reason = task is null
                ? $"task {job.TaskId} was not found in {job.Namespace}.{job.FlowId} revision {job.FlowRevision}"
                : unreadable ?? $"the task type {task.Type} is not supported by this worker yet";
            await context.LogAsync("ERROR", reason, stopping);
            return (State.Failed, null);
        }

        if (killed.IsKilled(job.ExecutionId))
        {
            return (State.Killed, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        using var tracked = killed.Track(job.ExecutionId, kill);
        TimeSpan? limit = null;
        try
        {
            if (task.Timeout is { } text)
            {
                limit = IsoDuration.Parse(context.RenderText(text));
                timeout.CancelAfter(limit.Value);
            }

            var outputs = await runner.RunAsync(task, context, kill.Token);
            var json = outputs is null ? null : mask.Apply(PlainJson.Write(outputs));
            // Measured as they travel in the result message (quotes escaped), so a result always fits the broker's 16 MiB.
            if (json is not null && MessageSize.AsJsonString(json) is var bytes && bytes > options.Value.MaxOutputBytes)
            {
                throw OutputLimit.Exceeded($"its outputs take {bytes:N0} bytes in the result message", options.Value.MaxOutputBytes);
            }

            return (context.Warning ? State.Warning : State.Success, json);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && killed.IsKilled(job.ExecutionId))
        {
            await context.LogAsync("WARN", $"{task.Id} was stopped: its execution was killed", stopping);
            return (State.Killed, null);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested && limit is not null)
        {
            await context.LogAsync("ERROR", $"{task.Id} timed out after {IsoDuration.Format(limit.Value)}", stopping);
            return (State.Failed, null);
        }
        catch (Exception ex) when (ex is TaskFailedException or ExpressionException or FormatException)
        {
            await context.LogAsync("ERROR", $"{task.Id} failed: {ex.Message}", stopping);
            return (State.Failed, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Task {TaskId} threw unexpectedly", task.Id);
            await context.LogAsync("ERROR", $"{task.Id} failed: {ex.GetType().Name}: {ex.Message}", stopping);
            return (State.Failed, null);
        }
    }
}
