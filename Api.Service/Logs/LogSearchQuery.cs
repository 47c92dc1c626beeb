using Kite.Api.Paging;
using Kite.Api.Queries;
using Kite.Api.Routing;

namespace Kite.Api.Logs;

/// <summary>
/// <c>GET /logs/search</c>: a page query and a separate count, both led by <c>deleted = false</c> so the
/// <c>(deleted, namespace, flow_id, timestamp)</c> and <c>(deleted, timestamp)</c> indexes serve them.
/// </summary>
public sealed class LogSearchQuery
{
    private static readonly HashSet<string> Fields = ["q", "namespace", "flowId", "executionId", "triggerId", "level", "startDate", "endDate"];

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["timestamp"] = "timestamp",
        ["namespace"] = "namespace",
        ["flowId"] = "flow_id",
        ["level"] = "level",
    };

    public required SqlConditions Conditions { get; init; }

    public required string OrderBy { get; init; }

    public required PageRequest Page { get; init; }

    public string PageSql => $"SELECT {LogRow.Columns} FROM logs WHERE deleted = false AND {Conditions.Where} ORDER BY {OrderBy} LIMIT {Page.Size} OFFSET {Page.Offset}";

    public string CountSql => $"SELECT count(*) FROM logs WHERE deleted = false AND {Conditions.Where}";

    public static LogSearchQuery From(IQueryCollection query)
    {
        var conditions = new SqlConditions();
        if (query["minLevel"].ToString() is { Length: > 0 } minLevel)
        {
            conditions.Add($"level = ANY({conditions.Parameter(LogLevels.AtLeast(minLevel))})");
        }

        foreach (var filter in QueryFilterParser.Parse(query, Fields))
        {
            switch (filter.Field)
            {
                case "namespace":
                    conditions.Text("namespace", filter);
                    break;
                case "flowId":
                    conditions.Text("flow_id", filter);
                    break;
                case "executionId":
                    conditions.Text("execution_id", filter);
                    break;
                case "triggerId":
                    conditions.Text("trigger_id", filter);
                    break;
                case "level":
                    conditions.Text("level", filter with { Values = [.. filter.Values.Select(v => LogLevels.AtLeast(v, filter.Parameter)[0])] });
                    break;
                case "startDate" or "endDate":
                    conditions.Date("timestamp", filter);
                    break;
                case "q":
                    conditions.Add($"message ILIKE {conditions.Parameter("%" + SqlConditions.Like(filter.Value) + "%")}");
                    break;
            }
        }

        return new LogSearchQuery
        {
            Conditions = conditions,
            OrderBy = SortOrder.ToSql(query, SortColumns, "timestamp desc"),
            Page = PageRequest.From(query),
        };
    }
}
