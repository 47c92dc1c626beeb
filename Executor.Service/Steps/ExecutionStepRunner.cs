using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Core.Tasks;
using Kite.Core.Values;
using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Flows;
using Kite.Data.Records;
using Kite.Executor.Outbox;
using Kite.Messaging.Contracts;

namespace Kite.Executor.Steps;

/// <summary>
/// One executor step for one execution, as a transaction: lock the row, apply the pure decision, write the changed
/// rows, the step's logs and its outgoing messages, commit; then send the messages. Only the executor writes an
/// execution once it is created.
/// </summary>
public sealed class ExecutionStepRunner(
    KiteDbContext db,
    FlowCache flows,
    ExecutionPartitions partitions,
    OutboxSender sender,
    TimeProvider clock,
    ILogger<ExecutionStepRunner> logger)
{
    public Task RunAsync(string executionId, ExecutionEvent @event, CancellationToken cancellationToken) =>
        RunAsync(executionId, [@event], cancellationToken);

    public async Task RunAsync(string executionId, IReadOnlyList<ExecutionEvent> events, CancellationToken cancellationToken)
    {
        using var partition = await partitions.EnterAsync(executionId, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId });
        List<OutboxMessageRecord> outbox = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var store = new ExecutionStore(db);
            var locked = await store.LockAsync(executionId, cancellationToken);
            if (locked is null)
            {
                logger.LogWarning("No execution {ExecutionId}: {Count} event(s) ignored", executionId, events.Count);
                return;
            }

            var execution = locked.Execution;
            var now = clock.GetUtcNow();
            var flow = await flows.GetAsync(execution.Namespace, execution.FlowId, execution.FlowRevision, cancellationToken);
            var result = flow is null
                ? FlowMissing(execution, now)
                : ExecutionStep.Apply(flow, execution, events, new StepEnvironment(now, ShortId.New));
            if (!result.Changed)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            store.Stage(locked);
            foreach (var job in result.Jobs)
            {
                outbox.Add(OutboxMessages.ToRunner(
                    new WorkerJob(execution.Id, job.TaskRunId, job.TaskId, job.Attempt, execution.Namespace, execution.FlowId, execution.FlowRevision, PlainJson.Write(job.Variables)),
                    flow!.FindTask(job.TaskId) is IPurgeTask,
                    now));
            }

            if (result.StateChanged)
            {
                outbox.Add(OutboxMessages.ToEveryone(
                    new ExecutionChanged(execution.Id, execution.Namespace, execution.FlowId, execution.State.ToKestraName(), execution.History.StartDate, execution.History.EndDate),
                    now));
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
            if (result.StateChanged && execution.State.IsTerminated())
            {
                logger.LogInformation("Execution {ExecutionId} of {Namespace}.{FlowId} ended {State} after {TaskRuns} task run(s)",
                    execution.Id, execution.Namespace, execution.FlowId, execution.State.ToKestraName(), execution.TaskRuns.Count);
            }
        }

        await sender.SendAsync(db, outbox, cancellationToken);
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
