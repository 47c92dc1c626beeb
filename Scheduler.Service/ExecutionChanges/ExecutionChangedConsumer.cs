using Kite.Core.Executions;
using Kite.Messaging.Contracts;
using Kite.Scheduler.FlowTriggers;
using Kite.Scheduler.Locks;
using MassTransit;
using State = Kite.Core.Executions.State;

namespace Kite.Scheduler.ExecutionChanges;

/// <summary>
/// On the shared <c>scheduler</c> queue (one replica per event), in batches: an ended execution releases the schedule
/// it locked and applies the <c>stopAfter</c> of the Flow trigger that started it, and any state change may start
/// flows whose Flow trigger matches it. One round trip per batch finds what the events concern, usually nothing. The
/// batch is acknowledged once all its effects are committed, and each is idempotent, so a redelivered batch is harmless.
/// </summary>
public sealed class ExecutionChangedConsumer(
    ConcernedTriggersReader concerned,
    TriggerUnlocker unlocker,
    FlowTriggerStopper stopper,
    FlowTriggerFirer flowTriggers,
    ILogger<ExecutionChangedConsumer> logger) : IConsumer<Batch<ExecutionChanged>>
{
    public async Task Consume(ConsumeContext<Batch<ExecutionChanged>> context)
    {
        var changes = new List<ExecutionStateChange>(context.Message.Length);
        foreach (var message in context.Message.Select(m => m.Message))
        {
            // Retrying would not make the state known, and failing the batch would hold back the other events.
            if (!Enum.TryParse<State>(message.State, ignoreCase: true, out var state))
            {
                logger.LogError("Execution {Execution} changed to '{State}', which is not an execution state; the event is ignored", message.ExecutionId, message.State);
                continue;
            }

            changes.Add(new ExecutionStateChange(message.ExecutionId, message.Namespace, message.FlowId, state));
        }

        var cancellationToken = context.CancellationToken;
        var ended = changes.Where(c => c.State.IsTerminated()).ToList();
        var triggers = await concerned.ReadAsync([.. ended.Select(c => c.ExecutionId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var flowTriggerRows = triggers.FlowTriggers;
        foreach (var change in ended)
        {
            if (triggers.LockingExecutions.Contains(change.ExecutionId))
            {
                await unlocker.UnlockAsync(change.ExecutionId, change.State, cancellationToken);
            }

            // A trigger disabled here fires no more, as if its row had been read after (a disabled row is not).
            var stopped = await stopper.StopAsync(change, flowTriggerRows, cancellationToken);
            if (stopped.Count > 0)
            {
                flowTriggerRows = [.. flowTriggerRows.Where(r => !stopped.Contains(r))];
            }
        }

        await flowTriggers.FireAsync(changes, flowTriggerRows, cancellationToken);
    }
}
