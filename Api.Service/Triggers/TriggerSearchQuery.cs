using Kite.Api.Paging;
using Kite.Api.Queries;

namespace Kite.Api.Triggers;

/// <summary>
/// The page and count queries of <c>GET /triggers/search</c> and <c>GET /triggers/{namespace}/{flowId}</c>. Each row
/// is joined (by primary key) to the flow revision it runs, for the trigger's definition and the flow's
/// <c>disabled</c>. The count reads <c>triggers</c> alone: the join never adds or removes a row.
/// </summary>
public sealed class TriggerSearchQuery
{
    private static readonly HashSet<string> Fields = ["q", "namespace", "flowId", "triggerId"];

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["triggerId"] = "t.trigger_id",
        ["flowId"] = "t.flow_id",
        ["namespace"] = "t.namespace",
        ["nextExecutionDate"] = "t.next_execution_date",
        ["date"] = "t.date",
        ["updatedDate"] = "t.updated_at",
    };

    // Appended to every ORDER BY so that equal sort values still page in one stable order.
    private const string Key = "t.namespace, t.flow_id, t.trigger_id";

    public const string Columns =
        "t.namespace, t.flow_id, t.trigger_id, t.date, t.next_execution_date, t.execution_id, t.updated_at, t.evaluate_running_date, " +
        "t.disabled, t.backfill::text, t.type, " +
        "(SELECT d::text FROM jsonb_array_elements(f.model->'triggers') d WHERE d->>'id' = t.trigger_id LIMIT 1), " +
        "COALESCE((f.model->>'disabled')::boolean, false)";

    public const string From =
        "triggers t LEFT JOIN flows f ON f.namespace = t.namespace AND f.id = t.flow_id AND f.revision = t.flow_revision AND f.deleted IN (true, false)";

    public required SqlConditions Conditions { get; init; }

    public required string OrderBy { get; init; }

    public required PageRequest Page { get; init; }

    public string PageSql => $"SELECT {Columns} FROM {From} WHERE {Conditions.Where} ORDER BY {OrderBy}, {Key} LIMIT {Page.Size} OFFSET {Page.Offset}";

    public string CountSql => $"SELECT count(*) FROM triggers t WHERE {Conditions.Where}";

    /// <summary>The query of a search, or (given a flow) of that flow's triggers, with the same paging, sort and <c>q</c>.</summary>
    public static TriggerSearchQuery Of(IQueryCollection query, (string Namespace, string FlowId)? flow = null)
    {
        var conditions = new SqlConditions();
        if (flow is { } f)
        {
            conditions.Add($"t.namespace = {conditions.Parameter(f.Namespace)}");
            conditions.Add($"t.flow_id = {conditions.Parameter(f.FlowId)}");
        }

        foreach (var filter in QueryFilterParser.Parse(query, flow is null ? Fields : ["q", "triggerId"]))
        {
            switch (filter.Field)
            {
                case "namespace":
                    conditions.Text("t.namespace", filter);
                    break;
                case "flowId":
                    conditions.Text("t.flow_id", filter);
                    break;
                case "triggerId":
                    conditions.Text("t.trigger_id", filter);
                    break;
                case "q":
                    var like = conditions.Parameter("%" + SqlConditions.Like(filter.Value) + "%");
                    conditions.Add($"(t.trigger_id ILIKE {like} OR t.flow_id ILIKE {like})");
                    break;
            }
        }

        return new TriggerSearchQuery
        {
            Conditions = conditions,
            OrderBy = SortOrder.ToSql(query, SortColumns, Key),
            Page = PageRequest.From(query),
        };
    }
}
