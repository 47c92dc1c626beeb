using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Live;

/// <summary>The replica's one subscription to ExecutionChanged, handed to the SSE clients of that execution.</summary>
public sealed class ExecutionChangedConsumer(FanOut<ExecutionChanged> changes) : IConsumer<ExecutionChanged>
{
    public Task Consume(ConsumeContext<ExecutionChanged> context)
    {
        changes.Publish(context.Message.ExecutionId, context.Message);
        return Task.CompletedTask;
    }
}
