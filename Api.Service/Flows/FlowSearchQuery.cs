using Kite.Api.Paging;
using Kite.Api.Queries;

namespace Kite.Api.Flows;

/// <summary>The page and count queries of <c>GET /flows/search</c> over the latest revision of each live flow.</summary>
public sealed class FlowSearchQuery
{
    private static readonly HashSet<string> Fields = ["q", "namespace", "flowId", "labels"];

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["id"] = "f.id",
        ["namespace"] = "f.namespace",
        ["revision"] = "f.revision",
        ["updated"] = "f.updated_at",
    };

    private const string Columns = "f.namespace, f.id, f.revision, f.source, f.model::text, f.deleted, f.updated_at";

    // A revision is the latest when no later one exists; the primary key (namespace, id, revision) answers that.
    private const string Latest = "NOT EXISTS (SELECT 1 FROM flows n WHERE n.namespace = f.namespace AND n.id = f.id AND n.revision > f.revision)";

    public required SqlConditions Conditions { get; init; }

    public required string OrderBy { get; init; }

    public required PageRequest Page { get; init; }

    public string PageSql => $"SELECT {Columns} FROM flows f WHERE f.deleted = false AND {Conditions.Where} AND {Latest} ORDER BY {OrderBy} LIMIT {Page.Size} OFFSET {Page.Offset}";

    public string CountSql => $"SELECT count(*) FROM flows f WHERE f.deleted = false AND {Conditions.Where} AND {Latest}";

    public static FlowSearchQuery From(IQueryCollection query)
    {
        var conditions = new SqlConditions();
        foreach (var filter in QueryFilterParser.Parse(query, Fields))
        {
            switch (filter.Field)
            {
                case "namespace":
                    conditions.Text("f.namespace", filter);
                    break;
                case "flowId":
                    conditions.Text("f.id", filter);
                    break;
                case "q":
                    var like = conditions.Parameter("%" + SqlConditions.Like(filter.Value) + "%");
                    conditions.Add($"(f.id ILIKE {like} OR f.namespace ILIKE {like})");
                    break;
                case "labels":
                    var label = conditions.Parameter(LabelJson.Contains(filter.Key!, filter.Value));
                    conditions.Add(filter.Operation switch
                    {
                        FilterOperation.Equals => $"f.model->'labels' @> {label}::jsonb",
                        FilterOperation.NotEquals => $"NOT coalesce(f.model->'labels' @> {label}::jsonb, false)",
                        _ => throw SqlConditions.Unsupported(filter),
                    });
                    break;
            }
        }

        return new FlowSearchQuery
        {
            Conditions = conditions,
            OrderBy = SortOrder.ToSql(query, SortColumns, "f.namespace asc, f.id asc"),
            Page = PageRequest.From(query),
        };
    }
}
