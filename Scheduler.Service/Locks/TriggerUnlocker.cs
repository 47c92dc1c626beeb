using Kite.Core.Executions;
using Kite.Data.Flows;
using Npgsql;

namespace Kite.Scheduler.Locks;

/// <summary>
/// Releases the schedule an execution locked, once that execution has ended (or is gone): the next slot was set when
/// it fired, so the evaluation loop takes it from there, recovering what the lock made it miss. <c>stopAfter</c>
/// disables the trigger when the execution ended in one of its states. Idempotent: a second call finds no lock.
/// </summary>
public sealed class TriggerUnlocker(NpgsqlDataSource database, FlowCache flows, TimeProvider clock)
{
    /// <summary>Returns the triggers released, as <c>namespace.flow.trigger</c>.</summary>
    public async Task<IReadOnlyList<string>> UnlockAsync(string executionId, State? endState, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = new List<(string Namespace, string FlowId, string TriggerId, int Revision)>();
        await using (var select = new NpgsqlCommand(
            "SELECT namespace, flow_id, trigger_id, flow_revision FROM triggers WHERE execution_id = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("id", executionId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                locked.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        foreach (var (ns, flowId, triggerId, revision) in locked)
        {
            var trigger = (await flows.GetAsync(ns, flowId, revision, cancellationToken))?.Triggers?.FirstOrDefault(t => t.Id == triggerId);
            var stop = endState is { } state && trigger?.StopAfter?.Contains(state) == true;
            await using var update = new NpgsqlCommand(
                "UPDATE triggers SET execution_id = NULL, locked_at = NULL, disabled = disabled OR @stop, updated_at = @now " +
                "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger AND execution_id = @id", connection, transaction);
            update.Parameters.AddWithValue("stop", stop);
            update.Parameters.AddWithValue("now", clock.GetUtcNow());
            update.Parameters.AddWithValue("ns", ns);
            update.Parameters.AddWithValue("flow", flowId);
            update.Parameters.AddWithValue("trigger", triggerId);
            update.Parameters.AddWithValue("id", executionId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. locked.Select(l => $"{l.Namespace}.{l.FlowId}.{l.TriggerId}")];
    }
}
