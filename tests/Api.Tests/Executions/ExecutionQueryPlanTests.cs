using System.Text;
using Kite.Api.Executions;
using Kite.Api.Tests.Fixtures;
using Kite.Integration.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace Kite.Api.Tests.Executions;

/// <summary>
/// The list and count queries of <c>GET /executions/search</c>, explained on 200,000 executions (a tenth deleted):
/// each one is served by an index led by <c>deleted</c>, none reads the table sequentially. The one exception is the
/// count with no filter at all, which has to read every row whatever the plan.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExecutionQueryPlanTests(ApiFixture api)
{
    private const int Executions = 200_000;

    [Fact]
    public async Task Search_and_count_queries_use_an_index_and_no_sequential_scan_on_200k_executions()
    {
        var database = await MigratedDatabase.CreateAsync(api.Infrastructure);
        await SeedAsync(database);

        string[] searches =
        [
            "namespace=ns7",
            "namespace=ns7&includeDeleted=true",
            "filters[namespace][EQUALS]=ns7&filters[flowId][EQUALS]=flow3",
            "namespace=ns7&flowId=flow3&sort=state.startDate:asc",
            "namespace=ns7&state=FAILED",
            "state=FAILED&size=25",
            "state=FAILED&includeDeleted=true",
            "size=25",
            "size=25&includeDeleted=true",
            "startDate=2026-01-01T00:00:00Z",
        ];

        var report = new StringBuilder();
        foreach (var search in searches)
        {
            var query = ExecutionSearchQuery.From(Query(search), TimeProvider.System);
            foreach (var (kind, sql) in new[] { ("page", query.PageSql), ("count", query.CountSql) })
            {
                // Counting every execution reads every row; there the planner rightly prefers a parallel sequential scan.
                if (kind == "count" && query.Conditions.Parameters.Count == 0)
                {
                    continue;
                }

                var plan = await ExplainAsync(database, sql, query);
                if (plan.Contains("Seq Scan", StringComparison.Ordinal) || !plan.Contains("Index", StringComparison.Ordinal))
                {
                    report.AppendLine($"{search} ({kind}): {sql}\n{plan}");
                }
            }
        }

        Assert.True(report.Length == 0, "queries not served by an index:\n" + report);
    }

    private static QueryCollection Query(string text) => new(
        text.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => new StringValues(p[1])));

    private static async Task SeedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand(
            $"""
            INSERT INTO executions (id, namespace, flow_id, flow_revision, state, start_date, end_date, duration_ms, inputs, labels, state_history, attempt, deleted)
            SELECT 'e' || g, 'ns' || (g % 50), 'flow' || (g % 20), 1,
                   (ARRAY['SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILED', 'RUNNING', 'CREATED', 'WARNING', 'KILLED'])[1 + g % 8],
                   timestamptz '2025-06-01' + g * interval '1 minute', timestamptz '2025-06-01' + g * interval '1 minute' + interval '5 seconds', 5000,
                   '{"{"}{"}"}', ('[{"{"}"key": "k", "value": "v' || (g % 3) || '"{"}"}]')::jsonb, '[]', 1, g % 10 = 0
            FROM generate_series(1, {Executions}) g
            """,
            connection))
        {
            seed.CommandTimeout = 300;
            await seed.ExecuteNonQueryAsync();
        }

        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE executions", connection) { CommandTimeout = 300 };
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<string> ExplainAsync(string database, string sql, ExecutionSearchQuery query)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        query.Conditions.AddTo(explain);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }
}
