using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Worker.Jobs;

/// <summary>Every worker hears every kill (a queue of its own per worker process) and cancels what it runs of that execution.</summary>
public sealed class ExecutionKilledConsumer(KilledExecutions killed, ILogger<ExecutionKilledConsumer> logger) : IConsumer<ExecutionKilled>
{
    public Task Consume(ConsumeContext<ExecutionKilled> context)
    {
        var cancelled = killed.Kill(context.Message.ExecutionId);
        logger.LogInformation("Execution {ExecutionId} was killed: {Count} running task run(s) cancelled", context.Message.ExecutionId, cancelled);
        return Task.CompletedTask;
    }
}
