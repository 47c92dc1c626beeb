using Kite.Core.Flows;
using Kite.Core.Scheduling;
using Kite.Core.Triggers;
using Kite.Data.Flows;
using Kite.Scheduler.Triggers;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kite.Scheduler.Sync;

/// <summary>
/// Keeps a flow's rows in <c>triggers</c> in step with its latest revision: new triggers get a row, removed ones
/// (or a deleted flow's) lose it, changed ones take the new revision. A schedule whose cron, time zone and seconds
/// are unchanged keeps its next date, so disabling and enabling a flow recovers the slots it missed as
/// <c>recoverMissedSchedules</c> says; a changed cron starts from now. A save changes a row's <c>disabled</c> only
/// when the flow's or the trigger's own <c>disabled</c> changed, so a trigger disabled through the Api stays so.
/// </summary>
public sealed class TriggerSync(NpgsqlDataSource database, FlowCache flows, SchedulerZone zone, TimeProvider clock, ILogger<TriggerSync> logger)
{
    public async Task ApplyAsync(string @namespace, string flowId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(@namespace, flowId, cancellationToken);
        var flow = latest is { Deleted: false } ? await flows.GetAsync(@namespace, flowId, latest.Value.Revision, cancellationToken) : null;
        var wanted = (flow?.Triggers ?? [])
            .Where(t => TriggerKinds.Of(t) is not null)
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
        var now = clock.GetUtcNow();

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await ExistingAsync(connection, transaction, @namespace, flowId, cancellationToken);
        foreach (var row in existing.Where(r => !wanted.ContainsKey(r.TriggerId)))
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM triggers WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger",
                cancellationToken, ("ns", @namespace), ("flow", flowId), ("trigger", row.TriggerId));
        }

        foreach (var trigger in wanted.Values)
        {
            var disabled = flow!.Disabled || trigger.Disabled;
            var index = existing.FindIndex(r => r.TriggerId == trigger.Id);
            if (index < 0)
            {
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO triggers (namespace, flow_id, trigger_id, flow_revision, type, next_execution_date, disabled, updated_at) " +
                    "VALUES (@ns, @flow, @trigger, @revision, @type, @next, @disabled, @now) ON CONFLICT DO NOTHING",
                    cancellationToken, ("ns", @namespace), ("flow", flowId), ("trigger", trigger.Id), ("revision", latest!.Value.Revision),
                    ("type", TriggerKinds.Of(trigger)!), ("next", FirstDate(flow, trigger, now)), ("disabled", disabled), ("now", now));
            }
            else if (existing[index].FlowRevision != latest!.Value.Revision)
            {
                var row = existing[index];
                var keep = await SameSlotsAsync(@namespace, flowId, row.FlowRevision, trigger, cancellationToken) && row.NextExecutionDate is not null;
                var flip = await DisabledChangedAsync(@namespace, flowId, row.FlowRevision, trigger, disabled, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    "UPDATE triggers SET flow_revision = @revision, type = @type, disabled = CASE WHEN @flip THEN @disabled ELSE disabled END, updated_at = @now, " +
                    "next_execution_date = CASE WHEN @keep THEN next_execution_date ELSE @next END, preconditions = NULL " +
                    "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger",
                    cancellationToken, ("ns", @namespace), ("flow", flowId), ("trigger", trigger.Id), ("revision", latest.Value.Revision),
                    ("type", TriggerKinds.Of(trigger)!), ("disabled", disabled), ("flip", flip), ("now", now), ("keep", keep), ("next", FirstDate(flow, trigger, now)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Flows whose latest revision is not the one their trigger rows carry (or that have none): those to apply at start.</summary>
    public async Task<List<(string Namespace, string FlowId)>> OutOfStepAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT f.namespace, f.id FROM (SELECT DISTINCT ON (namespace, id) namespace, id, revision FROM flows ORDER BY namespace, id, revision DESC) f " +
            "WHERE NOT EXISTS (SELECT 1 FROM triggers t WHERE t.namespace = f.namespace AND t.flow_id = f.id AND t.flow_revision = f.revision) " +
            "UNION SELECT DISTINCT t.namespace, t.flow_id FROM triggers t " +
            "WHERE NOT EXISTS (SELECT 1 FROM flows f WHERE f.namespace = t.namespace AND f.id = t.flow_id AND f.revision = t.flow_revision)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }

    private object FirstDate(Flow flow, Trigger trigger, DateTimeOffset now)
    {
        switch (trigger)
        {
            case Schedule schedule:
                try
                {
                    return (object?)CronSchedule.Of(schedule, zone.Default).Next(now) ?? DBNull.Value;
                }
                catch (FormatException ex)
                {
                    logger.LogError("Schedule {Namespace}.{Flow}.{Trigger} will not fire: {Reason}", flow.Namespace, flow.Id, trigger.Id, ex.Message);
                    return DBNull.Value;
                }

            case HttpTrigger:
                return now;
            default:
                return DBNull.Value;
        }
    }

    private async Task<bool> SameSlotsAsync(string @namespace, string flowId, int oldRevision, Trigger trigger, CancellationToken cancellationToken)
    {
        if (trigger is not Schedule schedule)
        {
            return trigger is HttpTrigger;
        }

        var old = (await flows.GetAsync(@namespace, flowId, oldRevision, cancellationToken))?.Triggers?.OfType<Schedule>().FirstOrDefault(t => t.Id == trigger.Id);
        return old is not null && old.Cron == schedule.Cron && old.WithSeconds == schedule.WithSeconds && old.Timezone == schedule.Timezone;
    }

    /// <summary>
    /// Whether the flow's own say on the trigger (its <c>disabled</c> or the trigger's) differs from the previous
    /// revision's. Only then does a save overwrite <c>triggers.disabled</c>: otherwise the row keeps what the Api
    /// (<c>PUT /triggers</c>, <c>set-disabled</c>) or <c>stopAfter</c> set, as Kestra keeps its trigger context's.
    /// </summary>
    private async Task<bool> DisabledChangedAsync(string @namespace, string flowId, int oldRevision, Trigger trigger, bool disabled, CancellationToken cancellationToken)
    {
        var old = await flows.GetAsync(@namespace, flowId, oldRevision, cancellationToken);
        return old?.Triggers?.FirstOrDefault(t => t.Id == trigger.Id) is not { } previous || (old.Disabled || previous.Disabled) != disabled;
    }

    private async Task<(int Revision, bool Deleted)?> LatestAsync(string @namespace, string flowId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT revision, deleted FROM flows WHERE namespace = @ns AND id = @id ORDER BY revision DESC LIMIT 1");
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("id", flowId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetBoolean(1)) : null;
    }

    private static async Task<List<(string TriggerId, int FlowRevision, DateTimeOffset? NextExecutionDate)>> ExistingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string @namespace, string flowId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT trigger_id, flow_revision, next_execution_date FROM triggers WHERE namespace = @ns AND flow_id = @flow FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("flow", flowId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, int, DateTimeOffset?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
