using System.Runtime.CompilerServices;
using System.Text;
using Kite.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Purges;

/// <summary>
/// Streams the executions a purge matches, on the <c>(deleted, end_date)</c> index: the query names
/// <c>deleted IN (true, false)</c> so soft-deleted executions are included and the index's leading column is used
/// (seeds 000, 001). Read on a connection of its own while batches are deleted on others.
/// </summary>
public static class ExecutionCandidates
{
    public static async IAsyncEnumerable<ExecutionFiles> ReadAsync(
        NpgsqlDataSource dataSource, ExecutionPurgeRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(request, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ExecutionFiles(reader.GetString(1), reader.GetString(2), reader.GetString(0));
        }
    }

    private static NpgsqlCommand Command(ExecutionPurgeRequest request, NpgsqlConnection connection)
    {
        var sql = new StringBuilder("""
            SELECT id, namespace, flow_id FROM executions
            WHERE deleted IN (true, false) AND end_date <= @end AND state = ANY(@states)
            """);
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = request.EndDate });
        command.Parameters.Add(new NpgsqlParameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = request.MatchedStates() });
        if (request.StartDate is { } start)
        {
            sql.Append(" AND start_date >= @start");
            command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = start });
        }

        NamespaceFilter.Append(sql, command, request.Namespace, request.FlowId, request.ExceptNamespaces);
        command.CommandText = sql.ToString();
        return command;
    }
}
