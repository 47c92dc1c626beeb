using System.Text.Json.Nodes;
using Kite.Data.Triggers;
using Npgsql;

namespace Kite.Api.Triggers;

/// <summary>
/// Reads <c>triggers</c> rows and makes the changes an operator may make by hand: unlock, restart, disable.
/// Each change is one conditional UPDATE, so it never races the scheduler's own writes into a lost update.
/// </summary>
public sealed class TriggerStore(NpgsqlDataSource database)
{
    private const string Match = "t.namespace = @ns AND t.flow_id = @flow AND t.trigger_id = @trigger";

    public async Task<(IReadOnlyList<TriggerRow> Page, long Total)> SearchAsync(TriggerSearchQuery query, CancellationToken cancellationToken)
    {
        await using var page = database.CreateCommand(query.PageSql);
        query.Conditions.AddTo(page);
        var rows = await ReadAsync(page, cancellationToken);

        await using var count = database.CreateCommand(query.CountSql);
        query.Conditions.AddTo(count);
        return (rows, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<TriggerRow?> GetAsync(TriggerKey key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {TriggerSearchQuery.Columns} FROM {TriggerSearchQuery.From} WHERE {Match}");
        Key(command, key);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Releases the lock (the execution it waits for, or a polling evaluation) and keeps the next date the scheduler
    /// set when it fired, as Kestra's unlock does and as the scheduler's own release does; the evaluation loop then
    /// takes the trigger from that date, recovering missed slots as <c>recoverMissedSchedules</c> says. The execution
    /// holding the lock is left to run; when it ends it finds no lock to release. False when nothing was locked.
    /// </summary>
    public Task<bool> UnlockAsync(TriggerKey key, CancellationToken cancellationToken) => UpdateAsync(key,
        "execution_id = NULL, locked_at = NULL, evaluate_running_date = NULL", "(t.execution_id IS NOT NULL OR t.evaluate_running_date IS NOT NULL)", cancellationToken);

    /// <summary>Forgets a polling evaluation in progress, so the next tick evaluates the trigger afresh (Kestra's restart).</summary>
    public Task<bool> RestartAsync(TriggerKey key, CancellationToken cancellationToken) =>
        UpdateAsync(key, "evaluate_running_date = NULL", "true", cancellationToken);

    /// <summary>A disabled row is left out of the scheduler's claim (<c>disabled = false</c> in <c>ix_triggers_due</c>); enabled again, it is claimed from its next date.</summary>
    public Task<bool> SetDisabledAsync(TriggerKey key, bool disabled, CancellationToken cancellationToken) =>
        UpdateAsync(key, $"disabled = {(disabled ? "true" : "false")}", "true", cancellationToken);

    private async Task<bool> UpdateAsync(TriggerKey key, string set, string condition, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"UPDATE triggers t SET {set}, updated_at = now() WHERE {Match} AND {condition}");
        Key(command, key);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static void Key(NpgsqlCommand command, TriggerKey key)
    {
        command.Parameters.AddWithValue("ns", key.Namespace);
        command.Parameters.AddWithValue("flow", key.FlowId);
        command.Parameters.AddWithValue("trigger", key.TriggerId);
    }

    private static async Task<List<TriggerRow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<TriggerRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var backfill = reader.IsDBNull(9) ? null : Backfill.FromJson(reader.GetString(9));
            var context = new TriggerBody(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Date(reader, 3),
                Date(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                Date(reader, 7),
                reader.GetBoolean(8),
                backfill is null ? null : BackfillBody.Of(backfill));
            var definition = reader.IsDBNull(11) ? null : JsonNode.Parse(reader.GetString(11)) as JsonObject;
            rows.Add(new TriggerRow(context, reader.GetString(10), definition, reader.GetBoolean(12)));
        }

        return rows;
    }

    private static DateTimeOffset? Date(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
