using Kite.Core.Flows;
using Kite.Messaging;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Flows;

/// <summary>Appends a flow revision and, once it is committed, tells the suite (the scheduler syncs triggers, caches drop the flow).</summary>
public sealed class FlowWriter(FlowStore store, IPublishEndpoint bus, TimeProvider clock, ILogger<FlowWriter> logger)
{
    /// <summary>The stored revision, or null when another save took that revision number first.</summary>
    public async Task<StoredFlow?> AppendAsync(string source, Flow flow, int revision, bool deleted, CancellationToken cancellationToken)
    {
        var stored = new StoredFlow(
            flow.Namespace, flow.Id, revision, source, FlowJson.Model(source, flow).ToJsonString(), deleted, clock.GetUtcNow());
        if (!await store.AppendAsync(stored, cancellationToken))
        {
            return null;
        }

        try
        {
            await BusDeadline.WithinAsync(token => bus.Publish(new FlowChanged(stored.Namespace, stored.Id, stored.Revision, stored.Deleted), token), cancellationToken);
        }
        catch (BrokerTimeoutException e)
        {
            // The revision is committed, and executions read it from the database; the scheduler's monitoring loop syncs its triggers.
            logger.LogWarning("Flow {Namespace}.{FlowId} revision {Revision} is saved but FlowChanged was not confirmed ({Reason}); the scheduler will catch up",
                stored.Namespace, stored.Id, stored.Revision, e.Message);
        }

        return stored;
    }
}
