using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Data.Executions;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;
using State = Kite.Core.Executions.State;

namespace Kite.Executor.Consumers;

/// <summary>
/// Worker results arrive in batches grouped by execution, and the coalescer joins the batches that wait for the same
/// execution, so a ForEach of 2,000 iterations costs a few dozen steps rather than one per result.
/// </summary>
public sealed class WorkerTaskResultConsumer(ExecutionSteps steps) : IConsumer<Batch<WorkerTaskResult>>
{
    public async Task Consume(ConsumeContext<Batch<WorkerTaskResult>> context)
    {
        await Task.WhenAll(context.Message
            .GroupBy(m => m.Message.ExecutionId, StringComparer.Ordinal)
            .Select(execution => steps.RunAsync(execution.Key, [.. execution.Select(m => ToEvent(m.Message))])));
    }

    public static ExecutionEvent ToEvent(WorkerTaskResult result)
    {
        var state = StateExtensions.ParseKestraName(result.State);
        return state == State.Running
            ? new TaskRunStarted(result.TaskRunId, result.Attempt)
            : new TaskRunEnded(result.TaskRunId, result.Attempt, state, PlainJsonColumns.Read(result.Outputs), result.StartDate);
    }
}
