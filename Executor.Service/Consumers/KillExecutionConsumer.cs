using Kite.Core.Executions.Events;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

public sealed class KillExecutionConsumer(ExecutionSteps steps) : IConsumer<KillExecution>
{
    public Task Consume(ConsumeContext<KillExecution> context) =>
        steps.RunAsync(context.Message.ExecutionId, [new KillRequested()]);
}
