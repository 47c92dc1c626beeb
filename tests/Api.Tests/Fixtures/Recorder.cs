using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Tests.Fixtures;

/// <summary>Stands where the executor and scheduler will: records what the Api publishes.</summary>
public sealed class Recorder(Recorded recorded) :
    IConsumer<FlowChanged>, IConsumer<ExecutionCreated>, IConsumer<KillExecution>, IConsumer<RestartExecution>,
    IConsumer<ResumeExecution>, IConsumer<ChangeExecutionLabels>
{
    public Task Consume(ConsumeContext<KillExecution> context) => Record(context.Message);

    public Task Consume(ConsumeContext<RestartExecution> context) => Record(context.Message);

    public Task Consume(ConsumeContext<ResumeExecution> context) => Record(context.Message);

    public Task Consume(ConsumeContext<ChangeExecutionLabels> context) => Record(context.Message);

    private Task Record(object message)
    {
        recorded.Messages.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<FlowChanged> context)
    {
        recorded.Messages.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ExecutionCreated> context)
    {
        recorded.Messages.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
