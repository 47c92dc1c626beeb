using Kite.Core.Executions;
using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Values;
using Kite.Data.Executions;
using Kite.Data.Records;
using Kite.Executor.Outbox;
using Kite.Executor.Subflows;
using Kite.Messaging.Contracts;

namespace Kite.Executor.Steps;

/// <summary>The messages a committed step sends, as outbox rows written in its transaction.</summary>
public static class StepMessages
{
    public static List<OutboxMessageRecord> For(Execution execution, Flow? flow, ExecutionStepResult result, DateTimeOffset now)
    {
        var outbox = new List<OutboxMessageRecord>();
        foreach (var job in result.Jobs)
        {
            outbox.Add(OutboxMessages.ToRunner(
                new WorkerJob(execution.Id, job.TaskRunId, job.TaskId, job.Attempt, execution.Namespace, execution.FlowId, execution.FlowRevision, job.VariablesJson),
                flow!.FindTask(job.TaskId),
                now));
        }

        if (result.StateChanged)
        {
            outbox.Add(OutboxMessages.ToEveryone(
                new ExecutionChanged(execution.Id, execution.Namespace, execution.FlowId, execution.State.ToKestraName(), execution.History.StartDate, execution.History.EndDate),
                now));
        }

        if (result.Killed)
        {
            outbox.Add(OutboxMessages.ToEveryone(new ExecutionKilled(execution.Id), now));
        }

        outbox.AddRange(result.ChildrenToKill.Select(child => OutboxMessages.ToEveryone(new KillExecution(child), now)));
        // A child retried in a new execution has not ended for its parent: the last of the chain answers, under the
        // id the parent waits for (the chain's first).
        if (result.StateChanged && execution.State.IsTerminated() && execution.State != State.Retried && SubflowLauncher.WaitingParent(execution) is { } parent)
        {
            outbox.Add(OutboxMessages.ToEveryone(
                new SubflowExecutionEnded(parent.ExecutionId, parent.TaskRunId, execution.OriginalId ?? execution.Id, execution.State.ToKestraName(), PlainJsonColumns.Write(execution.Outputs), null),
                now));
        }

        outbox.AddRange(result.Retries.Select(retry => OutboxMessages.ToEveryone(new ExecutionCreated(retry.Id), now)));
        return outbox;
    }

    public static OutboxMessageRecord SubflowStarted(SubflowLaunch launch, DateTimeOffset now) =>
        OutboxMessages.ToEveryone(new ExecutionCreated(launch.ChildExecutionId), now);

    /// <summary>A child that could not be created: the reason goes back to the parent, which fails the Subflow task.</summary>
    public static OutboxMessageRecord SubflowNotStarted(Execution parent, SubflowLaunch launch, string reason, DateTimeOffset now) =>
        OutboxMessages.ToEveryone(new SubflowExecutionEnded(parent.Id, launch.TaskRunId, launch.ChildExecutionId, State.Failed.ToKestraName(), null, reason), now);

    public static OutboxMessageRecord Released(string executionId, DateTimeOffset now) =>
        OutboxMessages.ToEveryone(new QueuedExecutionReleased(executionId), now);
}
