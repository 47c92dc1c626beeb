using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Live;

/// <summary>The replica's one subscription to LogsWritten, handed to the log followers of each execution it names.</summary>
public sealed class LogsWrittenConsumer(FanOut<LogsWritten> logs) : IConsumer<LogsWritten>
{
    public Task Consume(ConsumeContext<LogsWritten> context)
    {
        foreach (var id in context.Message.ExecutionIds)
        {
            logs.Publish(id, context.Message);
        }

        return Task.CompletedTask;
    }
}
