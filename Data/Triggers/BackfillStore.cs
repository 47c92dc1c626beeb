using Npgsql;

namespace Kite.Data.Triggers;

/// <summary>
/// What the Api calls to drive a backfill on a Schedule trigger's row; the scheduler progresses it. Every method
/// answers what happened so the caller can map it to a status code (not found, conflict) without guessing.
/// </summary>
public sealed class BackfillStore(NpgsqlDataSource database)
{
    private const string ScheduleType = "io.kestra.plugin.core.trigger.Schedule";

    /// <summary>Starts a backfill over [start, end]; refused when the trigger is not a schedule or one is under way.</summary>
    public async Task<BackfillChange> CreateAsync(
        string @namespace, string flowId, string triggerId, DateTimeOffset start, DateTimeOffset end,
        Dictionary<string, System.Text.Json.JsonElement>? inputs, Dictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        if (end < start)
        {
            return BackfillChange.Invalid;
        }

        var backfill = new Backfill { Start = start, End = end, CurrentDate = start, Inputs = inputs, Labels = labels, CreatedAt = DateTimeOffset.UtcNow };
        await using var command = database.CreateCommand(
            "UPDATE triggers SET backfill = @backfill::jsonb, updated_at = now() " +
            "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger AND type = @type AND backfill IS NULL");
        Key(command, @namespace, flowId, triggerId);
        command.Parameters.AddWithValue("type", ScheduleType);
        command.Parameters.AddWithValue("backfill", backfill.ToJson());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return BackfillChange.Done;
        }

        var current = await GetAsync(@namespace, flowId, triggerId, cancellationToken);
        return current.Exists && current.IsSchedule ? BackfillChange.Conflict : BackfillChange.NotFound;
    }

    public Task<BackfillChange> PauseAsync(string @namespace, string flowId, string triggerId, CancellationToken cancellationToken) =>
        SetPausedAsync(@namespace, flowId, triggerId, true, cancellationToken);

    public Task<BackfillChange> ResumeAsync(string @namespace, string flowId, string triggerId, CancellationToken cancellationToken) =>
        SetPausedAsync(@namespace, flowId, triggerId, false, cancellationToken);

    /// <summary>Stops the backfill: no further slot fires; executions already started run to their end.</summary>
    public async Task<BackfillChange> DeleteAsync(string @namespace, string flowId, string triggerId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "UPDATE triggers SET backfill = NULL, updated_at = now() WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger AND backfill IS NOT NULL");
        Key(command, @namespace, flowId, triggerId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? BackfillChange.Done : BackfillChange.NotFound;
    }

    /// <summary>Whether the trigger exists, whether it is a schedule, and its backfill (null when none is under way).</summary>
    public async Task<(bool Exists, bool IsSchedule, Backfill? Backfill)> GetAsync(string @namespace, string flowId, string triggerId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT type, backfill::text FROM triggers WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger");
        Key(command, @namespace, flowId, triggerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, false, null);
        }

        return (true, reader.GetString(0) == ScheduleType, Backfill.FromJson(reader.IsDBNull(1) ? null : reader.GetString(1)));
    }

    private async Task<BackfillChange> SetPausedAsync(string @namespace, string flowId, string triggerId, bool paused, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "UPDATE triggers SET backfill = jsonb_set(backfill, '{paused}', to_jsonb(@paused)), updated_at = now() " +
            "WHERE namespace = @ns AND flow_id = @flow AND trigger_id = @trigger AND backfill IS NOT NULL");
        Key(command, @namespace, flowId, triggerId);
        command.Parameters.AddWithValue("paused", paused);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? BackfillChange.Done : BackfillChange.NotFound;
    }

    private static void Key(NpgsqlCommand command, string @namespace, string flowId, string triggerId)
    {
        command.Parameters.AddWithValue("ns", @namespace);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("trigger", triggerId);
    }
}
