using Kite.Api.Queries;
using Kite.Api.Routing;

namespace Kite.Api.Logs;

/// <summary>
/// The lines of one execution (<c>GET /logs/{executionId}</c>, its download and follow): <c>minLevel</c>,
/// <c>taskRunId</c>, <c>taskId</c>, <c>attempt</c>. Always <c>deleted = false AND execution_id = …</c>, the
/// leading columns of the <c>(deleted, execution_id, timestamp)</c> index.
/// </summary>
public sealed class ExecutionLogQuery
{
    public required SqlConditions Conditions { get; init; }

    public static ExecutionLogQuery From(string executionId, IQueryCollection query)
    {
        var conditions = new SqlConditions();
        conditions.Add($"deleted = false AND execution_id = {conditions.Parameter(executionId)}");
        conditions.Add($"level = ANY({conditions.Parameter(LogLevels.AtLeast(query["minLevel"].ToString()))})");
        if (query["taskRunId"].ToString() is { Length: > 0 } taskRunId)
        {
            conditions.Add($"task_run_id = {conditions.Parameter(taskRunId)}");
        }

        if (query["taskId"].ToString() is { Length: > 0 } taskId)
        {
            conditions.Add($"task_id = {conditions.Parameter(taskId)}");
        }

        if (QueryValues.Number(query, "attempt") is { } attempt)
        {
            conditions.Add($"attempt = {conditions.Parameter(attempt)}");
        }

        return new ExecutionLogQuery { Conditions = conditions };
    }

    /// <summary>Lines after <paramref name="afterId"/> (0 for all), in the order they were written.</summary>
    public string Sql(long afterId, int limit) =>
        $"SELECT {LogRow.Columns} FROM logs WHERE {Conditions.Where} AND id > {afterId} ORDER BY id LIMIT {limit}";
}
