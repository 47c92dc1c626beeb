using Kite.Core.Flows;
using Kite.Messaging.Contracts;
using MassTransit;

namespace Kite.Api.Flows;

/// <summary>Appends a flow revision and, once it is committed, tells the suite (the scheduler syncs triggers, caches drop the flow).</summary>
public sealed class FlowWriter(FlowStore store, IPublishEndpoint bus, TimeProvider clock)
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

        await bus.Publish(new FlowChanged(stored.Namespace, stored.Id, stored.Revision, stored.Deleted), cancellationToken);
        return stored;
    }
}
