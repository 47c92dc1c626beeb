using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

public sealed class ExecutionCreatedConsumer(ExecutionSteps steps) : IConsumer<ExecutionCreated>
{
    public Task Consume(ConsumeContext<ExecutionCreated> context) =>
        steps.RunAsync(context.Message.ExecutionId, [new ExecutionStarted()]);
}
