using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Scheduler.Sync;

/// <summary>A flow was saved or deleted: bring its trigger rows in step (idempotent, so redelivery is harmless).</summary>
public sealed class FlowChangedConsumer(TriggerSync sync) : IConsumer<FlowChanged>
{
    public Task Consume(ConsumeContext<FlowChanged> context) =>
        sync.ApplyAsync(context.Message.Namespace, context.Message.FlowId, context.CancellationToken);
}
