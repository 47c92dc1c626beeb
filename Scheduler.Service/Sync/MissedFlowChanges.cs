using Npgsql;

namespace Kite.Scheduler.Sync;

/// <summary>
/// Catches a FlowChanged that never arrived: the Api saves a flow, then publishes, and a broker that does not confirm
/// in time leaves the revision committed with no message. Run by the monitoring loop, it applies the flows saved in
/// the last <see cref="Lookback"/> that declare triggers but whose rows do not carry their latest revision, and the
/// flows whose rows carry a revision that is no longer their latest (triggers removed, flow deleted).
/// </summary>
public sealed class MissedFlowChanges(NpgsqlDataSource database, TriggerSync sync, TimeProvider clock, ILogger<MissedFlowChanges> logger)
{
    /// <summary>Far longer than a save's publish deadline plus a monitoring tick, short enough to keep the query on recent rows.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromMinutes(5);

    /// <summary>A save younger than this may still have its FlowChanged on the way: left to the consumer.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var missed = await OutOfStepAsync(now - Lookback, now - Settle, cancellationToken);
        foreach (var (ns, flowId) in missed)
        {
            logger.LogWarning("Flow {Namespace}.{FlowId} changed but its triggers were not synced (its FlowChanged never came); syncing them now", ns, flowId);
            await sync.ApplyAsync(ns, flowId, cancellationToken);
        }

        return missed.Count;
    }

    private async Task<List<(string Namespace, string FlowId)>> OutOfStepAsync(DateTimeOffset since, DateTimeOffset settled, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT f.namespace, f.id FROM (SELECT DISTINCT ON (namespace, id) namespace, id, revision, deleted, model FROM flows " +
            "WHERE updated_at >= @since AND updated_at < @settled ORDER BY namespace, id, revision DESC) f " +
            "WHERE NOT f.deleted AND f.model -> 'triggers' IS NOT NULL " +
            "AND NOT EXISTS (SELECT 1 FROM triggers t WHERE t.namespace = f.namespace AND t.flow_id = f.id AND t.flow_revision = f.revision) " +
            "UNION SELECT DISTINCT t.namespace, t.flow_id FROM triggers t " +
            "WHERE t.flow_revision < (SELECT max(f.revision) FROM flows f WHERE f.namespace = t.namespace AND f.id = t.flow_id AND f.updated_at < @settled)");
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("settled", settled);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }
}
