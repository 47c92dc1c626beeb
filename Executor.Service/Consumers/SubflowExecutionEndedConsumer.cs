using Kite.Core.Executions;
using Kite.Core.Executions.Events;
using Kite.Data.Executions;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

/// <summary>A child execution ended, or could not be created: a step of the parent updates the waiting Subflow task run.</summary>
public sealed class SubflowExecutionEndedConsumer(ExecutionSteps steps) : IConsumer<SubflowExecutionEnded>
{
    public Task Consume(ConsumeContext<SubflowExecutionEnded> context)
    {
        var ended = context.Message;
        ExecutionEvent @event = ended.Error is { } reason
            ? new SubflowStartFailed(ended.ParentTaskRunId, reason)
            : new SubflowEnded(ended.ParentTaskRunId, ended.ExecutionId, StateExtensions.ParseKestraName(ended.State), PlainJsonColumns.Read(ended.Outputs));
        return steps.RunAsync(ended.ParentExecutionId, [@event]);
    }
}
