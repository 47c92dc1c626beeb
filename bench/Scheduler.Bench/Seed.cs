using Npgsql;

namespace Kite.Scheduler.Bench;

/// <summary>The data the scenarios run against, written set-based: flows with one schedule each, their triggers, executions.</summary>
public static class Seed
{
    public const string Namespace = "bench.scheduler";

    public static string FlowYaml(int i) => $"""
        id: f{i}
        namespace: {Namespace}
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{"{{ trigger.date }}"}"
        triggers:
          - id: schedule
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "* * * * *"
        """;

    /// <summary>
    /// <paramref name="triggers"/> flows and trigger rows with next dates spread over the next day, and
    /// <paramref name="executions"/> ended executions, <paramref name="locked"/> of the triggers locked by running ones.
    /// </summary>
    public static async Task WriteAsync(NpgsqlDataSource database, int triggers, int executions, int locked)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using (var flows = await connection.BeginBinaryImportAsync("COPY flows (namespace, id, revision, source, deleted, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < triggers; i++)
            {
                await flows.StartRowAsync();
                await flows.WriteAsync(Namespace);
                await flows.WriteAsync($"f{i}");
                await flows.WriteAsync(1);
                await flows.WriteAsync(FlowYaml(i));
                await flows.WriteAsync(false);
                await flows.WriteAsync(DateTimeOffset.UtcNow);
            }

            await flows.CompleteAsync();
        }

        await Execute(connection,
            "INSERT INTO executions (id, namespace, flow_id, flow_revision, state, start_date, end_date, attempt, deleted) " +
            "SELECT 'x' || g, @ns, 'f' || (g % @triggers), 1, CASE WHEN g < @locked THEN 'RUNNING' ELSE 'SUCCESS' END, " +
            "now() - (g || ' seconds')::interval, CASE WHEN g < @locked THEN NULL ELSE now() END, 1, false FROM generate_series(0, @executions - 1) g",
            ("ns", Namespace), ("triggers", triggers), ("locked", locked), ("executions", executions));
        await Execute(connection,
            "INSERT INTO triggers (namespace, flow_id, trigger_id, flow_revision, type, next_execution_date, execution_id, locked_at, disabled, updated_at) " +
            "SELECT @ns, 'f' || g, 'schedule', 1, 'io.kestra.plugin.core.trigger.Schedule', " +
            "CASE WHEN g < @locked THEN now() - interval '1 minute' ELSE now() + ((g * 86400 / @triggers) || ' seconds')::interval + interval '1 hour' END, " +
            "CASE WHEN g < @locked THEN 'x' || g END, CASE WHEN g < @locked THEN now() END, false, now() FROM generate_series(0, @triggers - 1) g",
            ("ns", Namespace), ("triggers", triggers), ("locked", locked));
        await Execute(connection, "ANALYZE flows; ANALYZE executions; ANALYZE triggers");
    }

    public static async Task Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
