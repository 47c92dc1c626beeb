using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Kite.Core.Executions;
using Npgsql;

namespace Kite.Api.Executions;

/// <summary>Reads an <c>executions</c> row (selected with <see cref="Columns"/>) into Kestra's execution JSON.</summary>
public static class ExecutionRow
{
    public const string Columns =
        "id, namespace, flow_id, flow_revision, state, start_date, end_date, duration_ms, schedule_date, " +
        "inputs::text, outputs::text, variables::text, labels::text, trigger::text, state_history::text, parent_id, original_id, attempt, deleted, original_created_date";

    public static ExecutionResponse Read(NpgsqlDataReader row, IReadOnlyList<JsonObject>? taskRuns = null)
    {
        var start = row.GetFieldValue<DateTimeOffset>(5);
        var end = row.IsDBNull(6) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(6);
        var duration = row.IsDBNull(7) ? (end ?? DateTimeOffset.UtcNow) - start : TimeSpan.FromMilliseconds(row.GetInt64(7));
        var state = new ExecutionStateBody(
            row.GetString(4),
            Histories(Text(row, 14)),
            start,
            end,
            XmlConvert.ToString(duration < TimeSpan.Zero ? TimeSpan.Zero : duration));
        return new ExecutionResponse(
            row.GetString(0),
            row.GetString(1),
            row.GetString(2),
            row.GetInt32(3),
            Json(Text(row, 9)) ?? new JsonObject(),
            Json(Text(row, 10)),
            Json(Text(row, 11)),
            Labels(Text(row, 12)),
            state,
            taskRuns,
            Text(row, 15),
            Text(row, 16),
            Json(Text(row, 13)),
            row.GetBoolean(18),
            new ExecutionMetadata(row.GetInt32(17), row.IsDBNull(19) ? start : row.GetFieldValue<DateTimeOffset>(19)),
            row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8));
    }

    /// <summary>
    /// The row <see cref="ExecutionStore.InsertCreatedAsync"/> writes for <paramref name="execution"/>, as <see cref="Read"/>
    /// would answer it with its task runs (none yet): the same JSON parsed from the same text, the same defaults.
    /// </summary>
    public static ExecutionResponse Inserted(NewExecution execution, DateTimeOffset now)
    {
        var start = execution.Created;
        var duration = now - start;
        var state = new ExecutionStateBody(
            State.Created.ToKestraName(),
            Histories(execution.StateHistory),
            start,
            null,
            XmlConvert.ToString(duration < TimeSpan.Zero ? TimeSpan.Zero : duration));
        return new ExecutionResponse(
            execution.Id,
            execution.Namespace,
            execution.FlowId,
            execution.FlowRevision,
            Json(execution.Inputs) ?? new JsonObject(),
            null,
            null,
            Labels(execution.Labels),
            state,
            [],
            null,
            null,
            Json(execution.Trigger),
            false,
            new ExecutionMetadata(1, start),
            execution.ScheduleDate);
    }

    public static IReadOnlyList<StateHistoryEntry> Histories(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<StateHistoryEntry>>(json, JsonSerializerOptions.Web) ?? [];

    /// <summary>Labels written as Kestra's list <c>[{key, value}]</c>, or as a plain map by older writers.</summary>
    public static IReadOnlyList<LabelBody> Labels(string? json) => Json(json) switch
    {
        JsonArray list => [.. list.OfType<JsonObject>().Select(l => new LabelBody(l["key"]?.ToString() ?? "", l["value"]?.ToString() ?? ""))],
        JsonObject map => [.. map.Select(p => new LabelBody(p.Key, p.Value?.ToString() ?? ""))],
        _ => [],
    };

    private static string? Text(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static JsonNode? Json(string? json) => json is null ? null : JsonNode.Parse(json);
}
