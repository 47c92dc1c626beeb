using System.Text.Json.Nodes;
using Kite.Data.Storage;
using Npgsql;

namespace Kite.Api.Executions;

/// <summary>
/// The Api's reads and writes of <c>executions</c>. The Api writes an execution twice at most: the CREATED row,
/// and the soft delete of a terminated one; everything in between is the executor's.
/// </summary>
public sealed class ExecutionStore(NpgsqlDataSource database)
{
    public async Task InsertCreatedAsync(NewExecution execution, CancellationToken cancellationToken)
    {
        // One statement, committed on its own: an explicit transaction would cost a COMMIT round trip more.
        await using var command = database.CreateCommand(
            "INSERT INTO executions (id, namespace, flow_id, flow_revision, state, start_date, schedule_date, inputs, labels, state_history, trigger, attempt, deleted) " +
            "VALUES (@id, @ns, @flow, @revision, 'CREATED', @start, @schedule, @inputs::jsonb, @labels::jsonb, @history::jsonb, @trigger::jsonb, 1, false)");
        command.Parameters.AddWithValue("id", execution.Id);
        command.Parameters.AddWithValue("ns", execution.Namespace);
        command.Parameters.AddWithValue("flow", execution.FlowId);
        command.Parameters.AddWithValue("revision", execution.FlowRevision);
        command.Parameters.AddWithValue("start", execution.Created);
        command.Parameters.AddWithValue("schedule", (object?)execution.ScheduleDate ?? DBNull.Value);
        command.Parameters.AddWithValue("inputs", execution.Inputs);
        command.Parameters.AddWithValue("labels", execution.Labels);
        command.Parameters.AddWithValue("history", execution.StateHistory);
        command.Parameters.Add(new NpgsqlParameter("trigger", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)execution.Trigger ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One live execution with its task runs, or null.</summary>
    public async Task<ExecutionResponse?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        ExecutionResponse execution;
        await using (var command = new NpgsqlCommand($"SELECT {ExecutionRow.Columns} FROM executions WHERE deleted = false AND id = @id", connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            execution = ExecutionRow.Read(reader);
        }

        var taskRuns = await TaskRunsAsync(connection, id, execution.Namespace, execution.FlowId, cancellationToken);
        return execution with { TaskRunList = taskRuns };
    }

    /// <summary>The current state of a live execution, or null: a primary-key read for followers that need no more.</summary>
    public async Task<string?> StateAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT state FROM executions WHERE deleted = false AND id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Where a live execution's files are, or null when there is no such execution.</summary>
    public async Task<ExecutionFiles?> FilesOfAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT namespace, flow_id FROM executions WHERE deleted = false AND id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ExecutionFiles(reader.GetString(0), reader.GetString(1), id) : null;
    }

    public async Task<(IReadOnlyList<ExecutionResponse> Page, long Total)> SearchAsync(ExecutionSearchQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var page = new List<ExecutionResponse>();
        await using (var command = new NpgsqlCommand(query.PageSql, connection))
        {
            query.Conditions.AddTo(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                page.Add(ExecutionRow.Read(reader));
            }
        }

        await using var count = new NpgsqlCommand(query.CountSql, connection);
        query.Conditions.AddTo(count);
        return (page, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>Marks a live execution deleted; false when there was none.</summary>
    public async Task<bool> SoftDeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("UPDATE executions SET deleted = true, step_version = step_version + 1 WHERE deleted = false AND id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<JsonObject>> TaskRunsAsync(NpgsqlConnection connection, string id, string ns, string flowId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {TaskRunRow.Columns} FROM task_runs WHERE execution_id = @id ORDER BY start_date, id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var taskRuns = new List<JsonObject>();
        while (await reader.ReadAsync(cancellationToken))
        {
            taskRuns.Add(TaskRunRow.Read(reader, ns, flowId));
        }

        return taskRuns;
    }
}
