using Kite.Scheduler.FlowTriggers;
using Kite.Scheduler.Triggers;
using Npgsql;

namespace Kite.Scheduler.ExecutionChanges;

/// <summary>
/// Reads <see cref="ConcernedTriggers"/> for a batch of state changes in one round trip. The lock holders are found
/// without a lock or a transaction (through <c>ix_triggers_execution_id</c>): almost no execution holds one, and
/// the release locks the rows of those that do (<see cref="Locks.TriggerUnlocker"/>).
/// </summary>
public sealed class ConcernedTriggersReader(NpgsqlDataSource database)
{
    public async Task<ConcernedTriggers> ReadAsync(IReadOnlyCollection<string> endedExecutionIds, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT namespace, flow_id, trigger_id, flow_revision FROM triggers WHERE type = $1 AND disabled = false")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = TriggerKinds.Flow } },
        });
        if (endedExecutionIds.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT DISTINCT execution_id FROM triggers WHERE execution_id = ANY($1)")
            {
                Parameters = { new NpgsqlParameter<string[]> { TypedValue = [.. endedExecutionIds] } },
            });
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var flowTriggers = new List<FlowTriggerRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flowTriggers.Add(new FlowTriggerRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        var locking = new HashSet<string>(StringComparer.Ordinal);
        if (await reader.NextResultAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                locking.Add(reader.GetString(0));
            }
        }

        return new ConcernedTriggers(flowTriggers, locking);
    }
}
