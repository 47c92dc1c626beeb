using System.Xml;
using Kite.Api.Paging;
using Kite.Api.Problems;
using Kite.Api.Queries;
using Kite.Api.Routing;
using Kite.Core.Executions;

namespace Kite.Api.Executions;

/// <summary>
/// The page and count queries of <c>GET /executions/search</c>. Both name <c>deleted</c> first (<c>= false</c>, or
/// <c>IN (true, false)</c> with <c>includeDeleted=true</c>) so an index led by <c>deleted</c> always serves them.
/// </summary>
public sealed class ExecutionSearchQuery
{
    private static readonly HashSet<string> Fields = ["q", "namespace", "flowId", "state", "labels", "startDate", "endDate", "timeRange", "executionId"];

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["id"] = "id",
        ["namespace"] = "namespace",
        ["flowId"] = "flow_id",
        ["state.current"] = "state",
        ["state.startDate"] = "start_date",
        ["state.endDate"] = "end_date",
        ["state.duration"] = "duration_ms",
        ["startDate"] = "start_date",
        ["endDate"] = "end_date",
    };

    public required bool IncludeDeleted { get; init; }

    public string Deleted => IncludeDeleted ? "deleted IN (true, false)" : "deleted = false";

    public required SqlConditions Conditions { get; init; }

    public required string OrderBy { get; init; }

    public required PageRequest Page { get; init; }

    /// <summary>
    /// With deleted rows, the page merges one ordered index scan per value of <c>deleted</c>: a single scan with
    /// <c>deleted IN (true, false)</c> cannot return rows in <c>start_date</c> order, so it would sort the whole table.
    /// </summary>
    public string PageSql => IncludeDeleted
        ? $"SELECT * FROM (({Branch("deleted = false")} ORDER BY {OrderBy} LIMIT {Page.Offset + Page.Size}) UNION ALL " +
          $"({Branch("deleted = true")} ORDER BY {OrderBy} LIMIT {Page.Offset + Page.Size})) e ORDER BY {OrderBy} LIMIT {Page.Size} OFFSET {Page.Offset}"
        : $"{Branch(Deleted)} ORDER BY {OrderBy} LIMIT {Page.Size} OFFSET {Page.Offset}";

    private string Branch(string deleted) => $"SELECT {ExecutionRow.Columns} FROM executions WHERE {deleted} AND {Conditions.Where}";

    public string CountSql => $"SELECT count(*) FROM executions WHERE {Deleted} AND {Conditions.CountWhere}";

    public static ExecutionSearchQuery From(IQueryCollection query, TimeProvider clock)
    {
        var conditions = new SqlConditions();
        foreach (var filter in QueryFilterParser.Parse(query, Fields))
        {
            Add(conditions, filter, clock);
        }

        return new ExecutionSearchQuery
        {
            IncludeDeleted = QueryValues.Bool(query, "includeDeleted"),
            Conditions = conditions,
            OrderBy = SortOrder.ToSql(query, SortColumns, "start_date desc"),
            Page = PageRequest.From(query),
        };
    }

    private static void Add(SqlConditions conditions, QueryFilter filter, TimeProvider clock)
    {
        switch (filter.Field)
        {
            case "namespace":
                conditions.Text("namespace", filter, byteOrdered: true);
                break;
            case "flowId":
                conditions.Text("flow_id", filter);
                break;
            case "executionId":
                conditions.Text("id", filter);
                break;
            case "state":
                conditions.Text("state", filter with { Values = [.. filter.Values.Select(v => StateName(v, filter.Parameter))] });
                break;
            case "startDate":
                conditions.Date("start_date", filter);
                break;
            case "endDate":
                conditions.Date("end_date", filter);
                break;
            case "timeRange":
                conditions.Add($"start_date >= {conditions.Parameter(Since(clock.GetUtcNow(), filter))}");
                break;
            case "q":
                var like = conditions.Parameter("%" + SqlConditions.Like(filter.Value) + "%");
                conditions.Add($"(id ILIKE {like} OR namespace ILIKE {like} OR flow_id ILIKE {like})");
                break;
            case "labels":
                var label = conditions.Parameter(LabelJson.Contains(filter.Key!, filter.Value));
                conditions.Add(filter.Operation switch
                {
                    FilterOperation.Equals => $"labels @> {label}::jsonb",
                    FilterOperation.NotEquals => $"NOT coalesce(labels @> {label}::jsonb, false)",
                    _ => throw SqlConditions.Unsupported(filter),
                });
                break;
        }
    }

    private static string StateName(string value, string parameter)
    {
        try
        {
            return StateExtensions.ParseKestraName(value).ToKestraName();
        }
        catch (ArgumentException)
        {
            throw ApiProblemException.BadRequest(parameter, $"'{value}' is not a state; states are {string.Join(", ", Enum.GetValues<State>().Select(s => s.ToKestraName()))}");
        }
    }

    private static DateTimeOffset Since(DateTimeOffset now, QueryFilter filter)
    {
        try
        {
            return now - XmlConvert.ToTimeSpan(filter.Value);
        }
        catch (FormatException)
        {
            throw ApiProblemException.BadRequest(filter.Parameter, $"'{filter.Value}' is not an ISO-8601 duration such as PT24H");
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw ApiProblemException.BadRequest(filter.Parameter, $"'{filter.Value}' reaches outside the calendar (years 1 to 9999); give a shorter duration such as PT24H");
        }
    }
}
