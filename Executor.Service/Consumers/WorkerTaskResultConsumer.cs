using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Data.Executions;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;
using State = Kite.Core.Executions.State;

namespace Kite.Executor.Consumers;

/// <summary>
/// Worker results arrive in batches grouped by execution: a ForEach of 2,000 iterations costs one step per batch of
/// results rather than one per result.
/// </summary>
public sealed class WorkerTaskResultConsumer(ExecutionStepRunner steps) : IConsumer<Batch<WorkerTaskResult>>
{
    public async Task Consume(ConsumeContext<Batch<WorkerTaskResult>> context)
    {
        foreach (var execution in context.Message.GroupBy(m => m.Message.ExecutionId, StringComparer.Ordinal))
        {
            await steps.RunAsync(execution.Key, [.. execution.Select(m => ToEvent(m.Message))], context.CancellationToken);
        }
    }

    public static ExecutionEvent ToEvent(WorkerTaskResult result)
    {
        var state = StateExtensions.ParseKestraName(result.State);
        return state == State.Running
            ? new TaskRunStarted(result.TaskRunId, result.Attempt)
            : new TaskRunEnded(result.TaskRunId, result.Attempt, state, PlainJsonColumns.Read(result.Outputs));
    }
}
