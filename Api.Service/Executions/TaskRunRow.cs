using System.Text.Json.Nodes;
using System.Xml;
using Npgsql;

namespace Kite.Api.Executions;

/// <summary>Reads a <c>task_runs</c> row into Kestra's task run JSON (an entry of <c>taskRunList</c>).</summary>
public static class TaskRunRow
{
    public const string Columns =
        "id, execution_id, parent_task_run_id, task_id, value, iteration, state, state_history::text, attempts::text, outputs::text, start_date, end_date";

    public static JsonObject Read(NpgsqlDataReader row, string ns, string flowId)
    {
        var start = row.GetFieldValue<DateTimeOffset>(10);
        var end = row.IsDBNull(11) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(11);
        var histories = ExecutionRow.Histories(Text(row, 7));
        return new JsonObject
        {
            ["id"] = row.GetString(0),
            ["executionId"] = row.GetString(1),
            ["namespace"] = ns,
            ["flowId"] = flowId,
            ["taskId"] = row.GetString(3),
            ["parentTaskRunId"] = Text(row, 2),
            ["value"] = Text(row, 4),
            ["iteration"] = row.IsDBNull(5) ? null : row.GetInt32(5),
            ["attempts"] = Json(Text(row, 8)),
            ["outputs"] = Json(Text(row, 9)),
            ["state"] = new JsonObject
            {
                ["current"] = row.GetString(6),
                ["histories"] = new JsonArray([.. histories.Select(h => new JsonObject { ["state"] = h.State, ["date"] = h.Date })]),
                ["startDate"] = start,
                ["endDate"] = end,
                ["duration"] = XmlConvert.ToString((end ?? DateTimeOffset.UtcNow) - start),
            },
        };
    }

    private static string? Text(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static JsonNode? Json(string? json) => json is null ? null : JsonNode.Parse(json);
}
