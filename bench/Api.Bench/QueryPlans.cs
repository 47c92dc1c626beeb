using System.Globalization;
using System.Text.RegularExpressions;
using Kite.Api.Executions;
using Kite.ServiceDefaults.Database;
using Npgsql;

namespace Kite.Api.Bench;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of a search's page and count queries, run the way the route runs them: auto-prepared on a
/// connection with the services' settings, executed until PostgreSQL's plan cache has chosen between a generic and a
/// custom plan, then explained through <c>EXECUTE</c>, so the plan shown is the one the route's statement uses.
/// </summary>
public sealed record QueryPlans(string Page, string Count)
{
    public static async Task<QueryPlans> ExplainAsync(string connectionString, ExecutionSearchQuery query)
    {
        await using var connection = new NpgsqlConnection(ConnectionTuning.Apply(connectionString, customPlans: true));
        await connection.OpenAsync();
        return new QueryPlans(await ExplainAsync(connection, query.PageSql, query), await ExplainAsync(connection, query.CountSql, query));
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql, ExecutionSearchQuery query)
    {
        // Past Npgsql's 2 uses it is prepared; past PostgreSQL's 5 custom plans the cache may switch to a generic one.
        for (var i = 0; i < 8; i++)
        {
            await using var run = new NpgsqlCommand(sql, connection);
            query.Conditions.AddTo(run);
            await using var reader = await run.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }

        string name;
        long generic, custom;
        // Npgsql sends @pN as $N+1; matching the text finds this statement even when an earlier search prepared it.
        var sent = Regex.Replace(sql, @"@p(\d+)", m => "$" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
        await using (var prepared = new NpgsqlCommand("SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = @sql", connection))
        {
            prepared.Parameters.AddWithValue("sql", sent);
            await using var reader = await prepared.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"not prepared after 8 runs: {sent}");
            }

            (name, generic, custom) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        var arguments = string.Join(", ", query.Conditions.Parameters.Select(p => Literal(p.Value)));
        var execute = arguments.Length == 0 ? $"EXECUTE {name}" : $"EXECUTE {name}({arguments})";
        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {execute}", connection);
        await using var plan = await explain.ExecuteReaderAsync();
        var lines = new List<string> { $"-- prepared statement: {generic} generic, {custom} custom plans so far" };
        while (await plan.ReadAsync())
        {
            lines.Add(plan.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static string Literal(object value) => value switch
    {
        string text => Quote(text),
        string[] texts => Quote("{" + string.Join(',', texts.Select(t => "\"" + t.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}"),
        DateTimeOffset date => Quote(date.ToString("O", CultureInfo.InvariantCulture)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
