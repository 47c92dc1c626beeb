using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Tests.Fixtures;

/// <summary>Stands where the executor and scheduler will: records what the Api publishes.</summary>
public sealed class Recorder(Recorded recorded) : IConsumer<FlowChanged>, IConsumer<ExecutionCreated>
{
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
