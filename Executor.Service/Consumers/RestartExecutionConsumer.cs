using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

public sealed class RestartExecutionConsumer(ExecutionSteps steps) : IConsumer<RestartExecution>
{
    public Task Consume(ConsumeContext<RestartExecution> context) =>
        steps.RunAsync(context.Message.ExecutionId, [new RestartRequested()]);
}
