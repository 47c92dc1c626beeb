using Kite.Core.Executions.Events;
using Kite.Data.Executions;
using Kite.Executor.Steps;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Executor.Consumers;

public sealed class ResumeExecutionConsumer(ExecutionSteps steps) : IConsumer<ResumeExecution>
{
    public Task Consume(ConsumeContext<ResumeExecution> context) =>
        steps.RunAsync(context.Message.ExecutionId, [new ResumeRequested(PlainJsonColumns.Read(context.Message.Inputs) ?? [])]);
}
