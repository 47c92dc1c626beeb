using Kite.Core.Executions;
using Kite.Messaging.Contracts;
using Kite.Scheduler.FlowTriggers;
using MassTransit;

namespace Kite.Scheduler.Locks;

/// <summary>
/// On the shared <c>scheduler</c> queue (one replica per event): an ended execution releases the schedule it
/// locked and applies the <c>stopAfter</c> of the Flow trigger that started it, and any state change may start
/// flows whose Flow trigger matches it.
/// </summary>
public sealed class ExecutionChangedConsumer(TriggerUnlocker unlocker, FlowTriggerStopper stopper, FlowTriggerFirer flowTriggers) : IConsumer<ExecutionChanged>
{
    public async Task Consume(ConsumeContext<ExecutionChanged> context)
    {
        var message = context.Message;
        var state = StateExtensions.ParseKestraName(message.State);
        if (state.IsTerminated())
        {
            await unlocker.UnlockAsync(message.ExecutionId, state, context.CancellationToken);
            await stopper.StopAsync(message, state, context.CancellationToken);
        }

        await flowTriggers.OnChangedAsync(message, state, context.CancellationToken);
    }
}
