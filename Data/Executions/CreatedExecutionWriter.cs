using Kite.Core.Executions;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Executions;

/// <summary>
/// Writes CREATED executions in the caller's transaction, one statement for any number of them, with an
/// <c>ExecutionCreated</c> row in the executor's outbox for each. The caller sends the messages after its commit
/// and deletes the rows (<see cref="DeleteOutboxAsync"/>); if it dies first, the executor's outbox sweeper sends
/// them, so a committed execution is never left unstarted. An id that already exists is skipped, which makes
/// deterministic ids idempotent.
/// </summary>
public static class CreatedExecutionWriter
{
    // The executor's outbox row for a message sent to its queue (Executor.Service/Outbox/OutboxMessages).
    private const string ExecutorQueue = "queue:executor";
    private const string MessageType = "ExecutionCreated";

    /// <summary>Inserts the executions; returns the ids written (not those that existed) and their outbox row ids.</summary>
    public static async Task<IReadOnlyList<(string ExecutionId, long OutboxId)>> InsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<CreatedExecution> executions,
        CancellationToken cancellationToken)
    {
        if (executions.Count == 0)
        {
            return [];
        }

        var created = StateExtensions.ToKestraName(State.Created);
        await using var command = new NpgsqlCommand(
            "WITH inserted AS (" +
            " INSERT INTO executions (id, namespace, flow_id, flow_revision, state, start_date, schedule_date, inputs, labels, trigger, state_history, attempt, deleted)" +
            " SELECT e.id, e.ns, e.flow, e.revision, @state, e.created, e.schedule, e.inputs::jsonb, e.labels::jsonb, e.trigger::jsonb," +
            "   jsonb_build_array(jsonb_build_object('state', @state, 'date', e.created)), 1, false" +
            " FROM unnest(@ids, @namespaces, @flows, @revisions, @createds, @schedules, @inputs, @labels, @triggers)" +
            "   AS e(id, ns, flow, revision, created, schedule, inputs, labels, trigger)" +
            " ON CONFLICT (id) DO NOTHING RETURNING id, start_date)" +
            " INSERT INTO outbox (destination, message_type, body, created_at)" +
            " SELECT @destination, @type, jsonb_build_object('ExecutionId', id), start_date FROM inserted" +
            " RETURNING id, body->>'ExecutionId'",
            connection,
            transaction);
        command.Parameters.AddWithValue("state", created);
        command.Parameters.AddWithValue("destination", ExecutorQueue);
        command.Parameters.AddWithValue("type", MessageType);
        command.Parameters.AddWithValue("ids", executions.Select(e => e.Id).ToArray());
        command.Parameters.AddWithValue("namespaces", executions.Select(e => e.Namespace).ToArray());
        command.Parameters.AddWithValue("flows", executions.Select(e => e.FlowId).ToArray());
        command.Parameters.AddWithValue("revisions", executions.Select(e => e.FlowRevision).ToArray());
        command.Parameters.Add(new NpgsqlParameter("createds", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = executions.Select(e => e.Created.ToUniversalTime()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("schedules", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = executions.Select(e => (object?)e.ScheduleDate?.ToUniversalTime() ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("inputs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = executions.Select(e => e.Inputs).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = executions.Select(e => e.Labels).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("triggers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = executions.Select(e => (object?)e.Trigger ?? DBNull.Value).ToArray() });
        var written = new List<(string, long)>(executions.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            written.Add((reader.GetString(1), reader.GetInt64(0)));
        }

        return written;
    }

    /// <summary>Removes outbox rows whose messages the caller has sent.</summary>
    public static async Task DeleteOutboxAsync(NpgsqlDataSource database, IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken)
    {
        if (outboxIds.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("DELETE FROM outbox WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", outboxIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
