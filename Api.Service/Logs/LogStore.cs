using Kite.Api.Queries;
using Npgsql;

namespace Kite.Api.Logs;

/// <summary>The Api's reads and deletes of <c>logs</c>; every statement names <c>deleted</c> so an index led by it serves it.</summary>
public sealed class LogStore(NpgsqlDataSource database)
{
    /// <summary>At most <paramref name="limit"/> lines of an execution after the line <paramref name="afterId"/>.</summary>
    public Task<List<(long Id, LogEntry Entry)>> OfExecutionAsync(ExecutionLogQuery query, long afterId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(query.Sql(afterId, limit), query.Conditions, cancellationToken);

    public async Task<(IReadOnlyList<LogEntry> Page, long Total)> SearchAsync(LogSearchQuery query, CancellationToken cancellationToken)
    {
        var page = await ReadAsync(query.PageSql, query.Conditions, cancellationToken);
        await using var count = database.CreateCommand(query.CountSql);
        query.Conditions.AddTo(count);
        return ([.. page.Select(l => l.Entry)], (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>Deletes the lines of an execution (or of a flow, when <paramref name="executionId"/> is null); returns how many.</summary>
    public async Task<int> DeleteAsync(string? executionId, string? @namespace, string? flowId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(executionId is not null
            ? "DELETE FROM logs WHERE deleted IN (true, false) AND execution_id = @execution"
            : "DELETE FROM logs WHERE deleted IN (true, false) AND namespace = @ns AND flow_id = @flow");
        if (executionId is not null)
        {
            command.Parameters.AddWithValue("execution", executionId);
        }
        else
        {
            command.Parameters.AddWithValue("ns", @namespace!);
            command.Parameters.AddWithValue("flow", flowId!);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<(long Id, LogEntry Entry)>> ReadAsync(string sql, SqlConditions conditions, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        conditions.AddTo(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<(long, LogEntry)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(LogRow.Read(reader));
        }

        return lines;
    }
}
