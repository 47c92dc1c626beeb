using System.Diagnostics;
using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Data.Records;
using Kite.Executor.ConcurrencyLimits;
using Kite.Executor.Outbox;
using Kite.Executor.Subflows;
using Kite.Executor.Timers;
using Kite.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace Kite.Executor.Steps;

/// <summary>
/// One executor step for one execution, as a transaction: lock the row, take or free its flow's concurrency slot,
/// apply the pure decision, write the changed rows, timers, child executions, logs and outgoing messages, commit;
/// then send the messages. Only the executor writes an execution once it is created.
/// </summary>
public sealed class ExecutionStepRunner(
    KiteDbContext db,
    FlowCache flows,
    ExecutionPartitions partitions,
    ConcurrencySlots slots,
    SubflowLauncher subflows,
    TimerStore timers,
    OutboxSender sender,
    SentOutboxRows sent,
    TimeProvider clock,
    IOptions<ExecutorOptions> options,
    ISecretStore secrets,
    InputEncryption encryption,
    KeptExecutions kept,
    ExecutorMetrics metrics,
    ILogger<ExecutionStepRunner> logger)
{
    private readonly RenderBudget budget = RenderBudget.Default with { Timeout = options.Value.RenderTimeout };

    public Task RunAsync(string executionId, ExecutionEvent @event, CancellationToken cancellationToken) =>
        RunAsync(executionId, [@event], cancellationToken);

    public async Task RunAsync(string executionId, IReadOnlyList<ExecutionEvent> events, CancellationToken cancellationToken)
    {
        using var partition = await partitions.EnterAsync(executionId, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId });
        List<OutboxMessageRecord> outbox;
        var started = Stopwatch.GetTimestamp();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var store = new ExecutionStore(db);
            var (locked, deletedSent) = await LockAsync(store, executionId, cancellationToken);
            if (locked is null)
            {
                logger.LogWarning("No execution {ExecutionId}: {Count} event(s) ignored", executionId, events.Count);
                return;
            }

            var execution = locked.Execution;
            var now = clock.GetUtcNow();
            var before = execution.State;
            var flow = await flows.GetAsync(execution.Namespace, execution.FlowId, execution.FlowRevision, cancellationToken);
            if (flow?.Concurrency is { } limit)
            {
                events = await AdmitAsync(execution, limit, events, now, cancellationToken);
            }

            ExecutionStepResult result;
            try
            {
                result = flow is null
                    ? FlowMissing(execution, now)
                    : ExecutionStep.Apply(flow, execution, events, new StepEnvironment(now, ShortId.New) { Budget = budget, Secrets = secrets, Cipher = encryption.Cipher, MaxJobBytes = options.Value.MaxJobBytes });
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The decision changed the execution in place before it threw: start again from the rows, unchanged.
                logger.LogError(error, "The step of execution {ExecutionId} threw; the execution is failed rather than left to hang", executionId);
                locked = locked with { Execution = ExecutionMapping.ToDomain(locked.Record, locked.TaskRunRecords.Values) };
                execution = locked.Execution;
                // A start that took a concurrency slot shows RUNNING before FAILED, so that the end gives the slot back.
                var tookSlot = flow?.Concurrency is not null && ScheduledStart.StartsNow(execution, events, now);
                result = UndecidedStep.Fail(execution, now, error, tookSlot);
            }

            if (!result.Changed)
            {
                await transaction.CommitAsync(cancellationToken);
                KeepOpen(locked);
                sent.Forget(deletedSent);
                metrics.Step(Stopwatch.GetElapsedTime(started), changed: false);
                return;
            }

            store.Stage(locked, result.RemovedTaskRuns);
            outbox = StepMessages.For(execution, flow, result, now);
            foreach (var launch in result.Subflows)
            {
                outbox.Add(await subflows.StageAsync(execution, launch, now, cancellationToken) is { } reason
                    ? StepMessages.SubflowNotStarted(execution, launch, reason, now)
                    : StepMessages.SubflowStarted(launch, now));
            }

            // A retry in a new execution is written with the step that decided it; its ExecutionCreated is in the outbox.
            db.Executions.AddRange(result.Retries.Select(ExecutionMapping.ToNewRecord));
            foreach (var timer in result.Timers)
            {
                await timers.AddAsync(execution.Id, timer, cancellationToken);
            }

            if (result.StateChanged && execution.State.IsTerminated())
            {
                await OnEndedAsync(execution, flow, before, outbox, now, cancellationToken);
            }

            db.Logs.AddRange(result.Logs.Select(line => new LogRecord
            {
                Namespace = execution.Namespace,
                FlowId = execution.FlowId,
                ExecutionId = execution.Id,
                TaskRunId = line.TaskRunId,
                TaskId = line.TaskId,
                Timestamp = line.Timestamp,
                Level = line.Level,
                Message = line.Message,
            }));
            db.Outbox.AddRange(outbox);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            KeepOpen(locked);
            timers.Committed();
            sent.Forget(deletedSent);
            metrics.Step(Stopwatch.GetElapsedTime(started), changed: true);
            if (result.StateChanged && execution.State.IsTerminated())
            {
                metrics.Ended(execution);
                logger.LogInformation("Execution {ExecutionId} of {Namespace}.{FlowId} ended {State} after {TaskRuns} task run(s)",
                    execution.Id, execution.Namespace, execution.FlowId, execution.State.ToKestraName(), execution.TaskRuns.Count);
            }
        }

        await sender.SendAsync(outbox, cancellationToken);
    }

    /// <summary>
    /// The execution with its row locked: as this process's last step left it when nobody wrote it since (one version
    /// read), else read from PostgreSQL with its task runs. Either read also deletes sent outbox rows in the same
    /// round trip: their ids come back, to forget once the step commits.
    /// </summary>
    private async Task<(LockedExecution? Locked, IReadOnlyList<long> DeletedSent)> LockAsync(ExecutionStore store, string executionId, CancellationToken cancellationToken)
    {
        if (kept.Take(executionId) is not { } last)
        {
            kept.Found("read");
            return await store.LockAsync(executionId, sent.ToDelete(), cancellationToken);
        }

        var (version, deletedSent) = await store.LockVersionAsync(executionId, sent.ToDelete(), cancellationToken);
        if (version is null)
        {
            return (null, deletedSent);
        }

        if (version == last.Record.StepVersion)
        {
            kept.Found("reused");
            return (store.Reuse(last), deletedSent);
        }

        // Those rows are deleted already: none to delete again with the read.
        kept.Found("stale");
        var (locked, _) = await store.LockAsync(executionId, [], cancellationToken);
        return (locked, deletedSent);
    }

    /// <summary>After a commit: an execution that goes on is kept for its next step; an ended one is let go.</summary>
    private void KeepOpen(LockedExecution locked)
    {
        if (!locked.Execution.State.IsTerminated())
        {
            kept.Keep(locked);
        }
    }

    /// <summary>A starting execution of a flow with a concurrency limit takes a slot, or is queued, cancelled or failed.</summary>
    private async Task<IReadOnlyList<ExecutionEvent>> AdmitAsync(Execution execution, Concurrency limit, IReadOnlyList<ExecutionEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ScheduledStart.StartsNow(execution, events, now)
            || await slots.TryTakeAsync(execution.Namespace, execution.FlowId, limit.Limit, cancellationToken))
        {
            return events;
        }

        if (limit.Behavior == ConcurrencyBehavior.Queue)
        {
            await slots.QueueAsync(execution.Id, execution.Namespace, execution.FlowId, now, cancellationToken);
        }

        return [new ConcurrencyLimitReached(limit.Behavior, limit.Limit)];
    }

    private async Task OnEndedAsync(Execution execution, Flow? flow, State before, List<OutboxMessageRecord> outbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Most flows store no timer at all: their end spares the statement.
        if (TimerSources.MayHaveTimers(flow, execution))
        {
            await timers.DeleteForAsync(execution.Id, cancellationToken);
        }

        if (flow?.Concurrency is null)
        {
            return;
        }

        if (before == State.Queued)
        {
            await slots.LeaveQueueAsync(execution.Id, cancellationToken);
        }
        else if (execution.History.Changes.Exists(c => c.State == State.Running)
            && await slots.ReleaseAsync(execution.Namespace, execution.FlowId, cancellationToken) is { } next)
        {
            outbox.Add(StepMessages.Released(next, now));
        }
    }

    private static ExecutionStepResult FlowMissing(Execution execution, DateTimeOffset now)
    {
        var result = new ExecutionStepResult();
        if (!execution.State.IsTerminated())
        {
            execution.History.Enter(State.Failed, now);
            result.Logs.Add(new ExecutionLogLine(now, "ERROR", $"flow {execution.Namespace}.{execution.FlowId} revision {execution.FlowRevision} was not found"));
            result.StateChanged = result.Changed = true;
        }

        return result;
    }
}
