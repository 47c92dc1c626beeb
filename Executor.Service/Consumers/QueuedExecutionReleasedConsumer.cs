using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

public sealed class QueuedExecutionReleasedConsumer(ExecutionSteps steps) : IConsumer<QueuedExecutionReleased>
{
    public Task Consume(ConsumeContext<QueuedExecutionReleased> context) =>
        steps.RunAsync(context.Message.ExecutionId, [new ExecutionDequeued()]);
}
